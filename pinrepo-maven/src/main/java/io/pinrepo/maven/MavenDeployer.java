package io.pinrepo.maven;

import io.pinrepo.PackageConflictException;
import io.pinrepo.CommitConflictException;
import io.pinrepo.MalformedPackageException;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.maven.FileUploads.Upload;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.maven.metadata.PluginEntry;
import io.pinrepo.maven.pom.Pom;
import io.pinrepo.maven.pom.PomReader;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Deploys a POM and its artifacts into a Maven repository, as maven-resolver would, safely under
 * concurrent deploys from many machines.
 *
 * <p>A deploy writes, in this order: the prefix file entry (when enabled); the artifacts and then
 * the POM, each followed by its {@code .md5 .sha1 .sha256 .sha512} sidecars and, with a signer, its
 * {@code .asc} (and that file's sidecars); for a snapshot, the version-level {@code
 * maven-metadata.xml}; the artifact-level {@code maven-metadata.xml}; for a {@code maven-plugin},
 * the group-level one. Each metadata file is replaced by a conditional write on the version read
 * and retried on a lost race, so concurrent deploys of other versions or builds are never lost. A
 * release is immutable: the same bytes again are a no-op, other bytes are refused with {@link
 * io.pinrepo.PackageConflictException} before anything is written.
 *
 * <p>The storage operations of one deploy do not grow with the versions or builds already in the
 * repository; only snapshot retention lists the snapshot's own (bounded) directory. Thread-safe. It
 * does not interpolate POM properties, resolve parents from the repository or deploy more than one
 * GAV at a time.
 */
public final class MavenDeployer {

  private final Storage storage;
  private final Clock clock;
  private final FileUploads uploads;
  private final TopCommit tops;
  private final SnapshotDeploy snapshots;
  private final boolean prefixFile;

  private MavenDeployer(Builder b) {
    this.storage = b.storage;
    this.clock = b.clock;
    OptimisticCommit commit = new OptimisticCommit(b.retryPolicy);
    this.uploads = new FileUploads(storage, b.signer);
    this.tops = new TopCommit(storage, commit);
    this.snapshots = new SnapshotDeploy(storage, uploads, commit, clock, b.keepSnapshotBuilds);
    this.prefixFile = b.prefixFile;
  }

  /** Starts configuring a deployer that writes into {@code storage}. */
  public static Builder builder(Storage storage) {
    return new Builder(storage);
  }

  /**
   * Deploys one GAV.
   *
   * @throws MalformedPackageException when the POM is unsafe, not well-formed or lacks coordinates,
   *     or disagrees with the coordinates given
   * @throws io.pinrepo.PackageConflictException when a release's files exist with other bytes
   * @throws io.pinrepo.CommitConflictException when other deploys kept winning the metadata
   *     commit
   */
  public DeployResult deploy(Deployment deployment) throws IOException {
    Pom pom;
    try (InputStream in = deployment.pom().open()) {
      pom = PomReader.read(deployment.pomSource(), in);
    }
    Coordinates c = coordinates(deployment, pom);
    if (prefixFile) {
      new PrefixFileUpdate(storage, tops).add(c.groupId());
    }
    DeployResult result =
        c.isSnapshot() ? deploySnapshot(c, deployment) : deployRelease(c, deployment);
    tops.update(
        Layout.artifactMetadata(c),
        top -> {
          MavenMetadata current =
              parseOrEmpty(Layout.artifactMetadata(c), top.bytes(), top.exists());
          MavenMetadata next =
              current.withVersion(c.groupId(), c.artifactId(), c.version(), clock.instant());
          return next == current ? Optional.empty() : Optional.of(next.toXml());
        });
    if (pom.packaging().equals("maven-plugin")) {
      updatePluginMetadata(c, pom, deployment);
    }
    return result;
  }

  private DeployResult deployRelease(Coordinates c, Deployment d) throws IOException {
    List<Upload> files = new ArrayList<>();
    for (ArtifactFile a : d.artifacts()) {
      ObjectKey key = Layout.file(c, c.version(), a.classifier(), a.extension());
      files.add(new Upload(key, a.content(), FileUploads.digest(a.content())));
    }
    ObjectKey pomKey = Layout.file(c, c.version(), "", "pom");
    files.add(new Upload(pomKey, d.pom(), FileUploads.digest(d.pom())));
    Set<ObjectKey> present = uploads.checkRelease(files);
    for (Upload u : files) {
      uploads.putRelease(u, present.contains(u.key()));
    }
    boolean changed = present.size() < files.size();
    return new DeployResult(c, c.version(), 0, FileUploads.keysOf(files), changed);
  }

  private DeployResult deploySnapshot(Coordinates c, Deployment d) throws IOException {
    List<SnapshotDeploy.Part> parts = new ArrayList<>();
    for (ArtifactFile a : d.artifacts()) {
      parts.add(new SnapshotDeploy.Part(a.classifier(), a.extension(), a.content()));
    }
    parts.add(new SnapshotDeploy.Part("", "pom", d.pom()));
    SnapshotDeploy.Outcome outcome = snapshots.deploy(c, parts);
    snapshots.expire(c, outcome.build());
    return new DeployResult(
        c,
        outcome.build().fileVersion(c.version()),
        outcome.build().buildNumber(),
        outcome.files(),
        true);
  }

  private void updatePluginMetadata(Coordinates c, Pom pom, Deployment d) throws IOException {
    Optional<ArtifactFile> jar =
        d.artifacts().stream()
            .filter(a -> a.classifier().isEmpty() && a.extension().equals("jar"))
            .findFirst();
    PluginEntry plugin = PluginDescriptor.read(c.artifactId(), pom.name(), jar);
    ObjectKey key = Layout.groupMetadata(c.groupId());
    tops.update(
        key,
        top -> {
          MavenMetadata current = parseOrEmpty(key, top.bytes(), top.exists());
          MavenMetadata next = current.withPlugin(plugin);
          return next == current ? Optional.empty() : Optional.of(next.toXml());
        });
  }

  private static MavenMetadata parseOrEmpty(ObjectKey key, byte[] bytes, boolean exists)
      throws MalformedPackageException {
    return exists ? MavenMetadata.parse(key.value(), bytes) : MavenMetadata.EMPTY;
  }

  private static Coordinates coordinates(Deployment d, Pom pom) throws MalformedPackageException {
    if (d.coordinates().isPresent()) {
      Coordinates given = d.coordinates().get();
      agree(d.pomSource(), "groupId", pom.groupId(), given.groupId());
      agree(d.pomSource(), "artifactId", pom.artifactId(), given.artifactId());
      agree(d.pomSource(), "version", pom.version(), given.version());
      return given;
    }
    if (pom.groupId().isEmpty() || pom.version().isEmpty()) {
      throw new MalformedPackageException(
          d.pomSource(), "no groupId or version, in the project or its <parent>");
    }
    try {
      return new Coordinates(pom.groupId(), pom.artifactId(), pom.version());
    } catch (IllegalArgumentException e) {
      throw new MalformedPackageException(
          d.pomSource(),
          e.getMessage() + " (properties are not interpolated: give the coordinates explicitly)",
          e);
    }
  }

  private static void agree(String source, String what, String declared, String given)
      throws MalformedPackageException {
    if (!declared.isEmpty() && !declared.contains("${") && !declared.equals(given)) {
      throw new MalformedPackageException(
          source, "declares " + what + " '" + declared + "' but '" + given + "' was given");
    }
  }

  /** Configures a {@link MavenDeployer}. Not thread-safe; build once, share the deployer. */
  public static final class Builder {
    private final Storage storage;
    private Clock clock = Clock.systemUTC();
    private Optional<Signer> signer = Optional.empty();
    private int keepSnapshotBuilds;
    private boolean prefixFile;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

    private Builder(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
    }

    /**
     * The clock for {@code lastUpdated} and snapshot timestamps; the system UTC clock by default.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Signs every artifact and POM with a detached {@code .asc}; no signatures by default. */
    public Builder signer(Signer signer) {
      this.signer = Optional.of(signer);
      return this;
    }

    /**
     * Keeps only the newest {@code builds} builds of each snapshot version: older ones leave the
     * metadata first, and their files are deleted after. 0 (the default) keeps every build.
     */
    public Builder keepSnapshotBuilds(int builds) {
      if (builds < 0) {
        throw new IllegalArgumentException("negative build count " + builds);
      }
      this.keepSnapshotBuilds = builds;
      return this;
    }

    /**
     * Maintains {@code .meta/prefixes.txt} for Maven Resolver 2 (off by default). The first deploy
     * with it on lists the whole repository once to make the file complete; later deploys only add
     * their groupId. Every deploy into the repository must then have it on.
     */
    public Builder prefixFile(boolean enabled) {
      this.prefixFile = enabled;
      return this;
    }

    /** How metadata commits retry after losing a race; {@link RetryPolicy#DEFAULT} by default. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The deployer. */
    public MavenDeployer build() {
      return new MavenDeployer(this);
    }
  }
}
