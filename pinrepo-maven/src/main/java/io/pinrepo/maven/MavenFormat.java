package io.pinrepo.maven;

import io.pinrepo.format.LiveObject;
import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Maven repository layout for repository-wide tools ({@link io.pinrepo.verify.Verification},
 * {@link io.pinrepo.gc.GarbageCollector}).
 *
 * <p>Verification follows the metadata: every {@code maven-metadata.xml} parses and matches its
 * {@code .md5 .sha1 .sha256 .sha512}; every release version an artifact lists has its POM, and
 * every file in its directory matches its sidecars; every snapshot version listed has version-level
 * metadata whose {@code snapshotVersions} name files that exist and match their sidecars; within a
 * release or build either every artifact and POM has an {@code .asc} or none has, and with trusted
 * keys every one must have one that checks; plugin entries name artifacts that exist; {@code
 * .meta/prefixes.txt}, when there, covers every groupId. One problem per fault: a file whose bytes
 * changed is one problem, not one per sidecar.
 *
 * <p>GC collects only inside snapshot version directories, and there only the files of timestamped
 * builds the version-level metadata no longer keeps, under the retention of the {@link
 * MavenRepository} whose {@link MavenRepository#format()} this is; releases, metadata, the prefix
 * file and anything not named like a build's file are never collected. The builds of a deploy in
 * flight are uncommitted until its metadata commit, and GC spares them only by age: the grace
 * period must exceed the longest deploy.
 *
 * <p>For GC and replication, {@link #markLive} reports the POMs, artifacts and signatures and their
 * sidecars as blobs (with no size or digest: Maven keeps no index of them), every {@code
 * maven-metadata.xml} and the prefix file as tops, and their sidecars as derived files. {@link
 * #serving} answers for the keys of the Maven layout only.
 *
 * <p>Both verify and GC list the whole repository. Verification reads metadata after that listing,
 * so while deploys commit it may report files as missing that were written meanwhile (or pruned
 * meanwhile): verify a quiet repository. GC needs no quiet. Stateless and thread-safe.
 */
public final class MavenFormat implements RepositoryFormat {

  static final String NAME = "maven";
  private static final int DETECTION_LIMIT = 5_000;

  private final Settings settings;

  /**
   * A format with the default settings, whose GC keeps every committed snapshot build: it collects
   * only builds that never committed (a crashed or lost deploy's), whether numbered above the
   * newest build or like it with another timestamp. A repository's own {@link
   * MavenRepository#format()} keeps what its retention keeps.
   */
  public MavenFormat() {
    this(Settings.DEFAULTS);
  }

  MavenFormat(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Whether there is a prefix file, or a {@code maven-metadata.xml} or a POM in the Maven layout
   * among the first few thousand keys outside {@code .pinrepo/} (pinrepo's own records, such as
   * access counts, sort first and do not count). A repository that shares its storage with much
   * else sorting before it may go unnoticed.
   */
  @Override
  public boolean isPresent(Storage storage) throws IOException {
    if (storage.stat(Layout.PREFIX_FILE).isPresent()) {
      return true;
    }
    try (ObjectListing listing = storage.list("")) {
      int seen = 0;
      while (seen < DETECTION_LIMIT && listing.hasNext()) {
        ObjectKey key = listing.next().key();
        if (key.value().startsWith(".pinrepo/")) {
          continue;
        }
        if (isMavenFile(key)) {
          return true;
        }
        seen++;
      }
    }
    return false;
  }

  @Override
  public void verify(Storage storage, VerifyContext context, Consumer<Problem> problems)
      throws IOException {
    new MavenVerifier(storage, context, problems).run();
  }

  @Override
  public void markLive(Storage storage, Consumer<LiveObject> live) throws IOException {
    new LiveMark(storage, settings.keptBuilds(), live).run();
  }

  /** Every snapshot version's directory, such as {@code com/example/demo/2.0-SNAPSHOT/}. */
  @Override
  public List<String> collectablePrefixes(Storage storage) throws IOException {
    return RepositoryScan.of(storage).snapshotDirectories().stream().map(d -> d + "/").toList();
  }

  @Override
  public Optional<ServingMetadata> serving(ObjectKey key) {
    return Serving.of(key);
  }

  private static boolean isMavenFile(ObjectKey key) {
    List<String> segments = key.segments();
    String name = key.fileName();
    if (segments.size() >= 3 && name.equals(Layout.METADATA)) {
      return true;
    }
    return segments.size() >= 4
        && name.endsWith(".pom")
        && name.startsWith(segments.get(segments.size() - 3) + "-");
  }

  @Override
  public String toString() {
    return "MavenFormat[retention=" + settings.describeRetention() + "]";
  }
}
