package io.pinrepo.maven;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.commit.Settlement;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.maven.metadata.PluginEntry;
import io.pinrepo.maven.metadata.SnapshotBuild;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Maven repository on a {@link Storage}: deploys a POM and its artifacts as maven-resolver would,
 * safely under concurrent deploys from many machines, and reads back which artifacts and versions
 * it holds.
 *
 * <p>A deploy writes, in this order: the prefix file entry (when enabled); the artifacts and then
 * the POM, each followed by its {@code .md5 .sha1 .sha256 .sha512} sidecars and, with a signer, its
 * {@code .asc} (and that file's sidecars); for a snapshot, the version-level {@code
 * maven-metadata.xml}; the artifact-level {@code maven-metadata.xml}; for a {@code maven-plugin},
 * the group-level one. Each metadata file is replaced by a conditional write on the version read
 * and retried on a lost race, so concurrent deploys of other versions or builds are never lost; its
 * sidecars are written after it ({@link OptimisticCommit.Operation#settle}). A release is
 * immutable: the same bytes again are a no-op, other bytes are refused before anything is written.
 *
 * <p>The storage operations of one deploy do not grow with the versions or builds already in the
 * repository; only snapshot retention lists the snapshot's own (bounded) directory. Thread-safe. It
 * does not interpolate POM properties, resolve parents from the repository or deploy more than one
 * GAV at a time.
 */
public final class MavenRepository {

  private final Storage storage;
  private final Settings settings;
  private final ReleaseFiles releases;
  private final TopCommit tops;
  private final SnapshotDeploy snapshots;
  private final MavenFormat format;

  private MavenRepository(Storage storage, Settings settings) {
    this.storage = storage;
    this.settings = settings;
    OptimisticCommit commit = new OptimisticCommit(settings.retryPolicy());
    FileUploads uploads = new FileUploads(storage, settings.signer());
    this.releases = new ReleaseFiles(storage, uploads);
    this.tops = new TopCommit(storage, commit);
    this.snapshots =
        new SnapshotDeploy(storage, uploads, commit, settings.clock(), settings.keptBuilds());
    this.format = new MavenFormat(settings);
  }

  /** Starts configuring a repository on {@code storage}. */
  public static Builder builder(Storage storage) {
    return new Builder(storage);
  }

  /**
   * Deploys one GAV. Every file is read and checked before anything is written: the POM (safe,
   * well-formed, with valid coordinates), a plugin's jar and descriptor, and, for a release, each
   * file against what the repository holds. A refused deploy leaves the repository byte for byte as
   * it was, even when a concurrent deploy of the same release with other bytes is what refuses it:
   * the files it had created are deleted again (in the version it created, and only while the
   * version is not listed), so only the other deploy's files remain.
   *
   * <p>The report lists the POM and each artifact: as added when the deploy wrote it or listed its
   * version, else as unchanged (a release deployed again with the same bytes); as removed, the
   * files of snapshot builds that retention dropped. It is {@link ChangeReport#committed()
   * committed} when the deploy wrote a file or a metadata file.
   *
   * @throws io.pinrepo.MalformedPackageException when one file is bad: the POM is unsafe, not
   *     well-formed, lacks or has invalid coordinates, or disagrees with the coordinates given; a
   *     plugin's jar is no readable zip or its descriptor is bad
   * @throws io.pinrepo.PackageConflictException when one file of a release exists with other bytes
   * @throws io.pinrepo.RefusedBatchException when several files are bad or conflict, one cause each
   * @throws io.pinrepo.CommitConflictException when other deploys kept winning the metadata commit
   */
  public ChangeReport<ArtifactRef> deploy(Deployment deployment) throws IOException {
    CheckedDeploy checked = CheckedDeploy.read(deployment);
    List<PinrepoException> refusals = new ArrayList<>(checked.problems());
    if (checked.coordinates().isEmpty()) {
      throw RefusedBatchException.refusal(refusals);
    }
    Coordinates c = checked.coordinates().get();
    if (c.isSnapshot()) {
      if (!refusals.isEmpty()) {
        throw RefusedBatchException.refusal(refusals);
      }
      return deploySnapshot(c, checked);
    }
    ReleaseFiles.Checked release = releases.check(c, checked);
    Set<String> malformed = new HashSet<>();
    checked.problems().forEach(p -> malformed.add(p.source()));
    release
        .conflicts()
        .forEach(
            (source, conflict) -> {
              if (!malformed.contains(source)) {
                refusals.add(conflict); // one cause per file: a malformed one is named once
              }
            });
    if (!refusals.isEmpty()) {
      throw RefusedBatchException.refusal(refusals);
    }
    return deployRelease(c, checked, release);
  }

  /**
   * Every artifact with artifact-level metadata, as {@code groupId:artifactId}, in key order. This
   * lists the whole repository and reads every {@code maven-metadata.xml}: for tools, not deploys.
   */
  public List<String> artifacts() throws IOException {
    return new Catalog(storage).artifacts();
  }

  /** The versions of {@code groupId:artifactId} in Maven order; empty when it is not there. */
  public List<ListedVersion> versions(String groupId, String artifactId) throws IOException {
    return new Catalog(storage).versions(groupId, artifactId);
  }

  /** The format for verify and GC, keeping the snapshot builds this repository keeps. */
  public MavenFormat format() {
    return format;
  }

  private ChangeReport<ArtifactRef> deployRelease(
      Coordinates c, CheckedDeploy checked, ReleaseFiles.Checked release) throws IOException {
    Progress progress = new Progress();
    addPrefix(c, progress);
    releases.put(c, release);
    Set<ObjectKey> present = release.present();
    progress.committed |= present.size() < release.uploads().size();
    boolean listedNow = listVersion(c, checked, progress);
    List<ArtifactRef> added = new ArrayList<>();
    List<ArtifactRef> unchanged = new ArrayList<>();
    for (int i = 0; i < checked.files().size(); i++) {
      CheckedDeploy.File f = checked.files().get(i);
      ArtifactRef ref = new ArtifactRef(c, f.classifier(), f.extension(), c.version(), 0);
      boolean found = present.contains(release.uploads().get(i).key());
      (listedNow || !found ? added : unchanged).add(ref);
    }
    return progress.report(added, unchanged, List.of());
  }

  private ChangeReport<ArtifactRef> deploySnapshot(Coordinates c, CheckedDeploy checked)
      throws IOException {
    List<SnapshotDeploy.Part> parts = new ArrayList<>();
    for (CheckedDeploy.File f : checked.files()) {
      parts.add(
          new SnapshotDeploy.Part(
              f.classifier(), f.extension(), f.content(), f.source(), f.digests()));
    }
    Progress progress = new Progress();
    addPrefix(c, progress);
    SnapshotDeploy.Outcome outcome = snapshots.deploy(c, parts);
    progress.committed = true;
    progress.settled(outcome.sidecars());
    List<ArtifactRef> removed = snapshots.expire(c, outcome.build());
    listVersion(c, checked, progress);
    SnapshotBuild build = outcome.build();
    List<ArtifactRef> added = new ArrayList<>();
    for (SnapshotDeploy.Part p : parts) {
      added.add(
          new ArtifactRef(
              c,
              p.classifier(),
              p.extension(),
              build.fileVersion(c.version()),
              build.buildNumber()));
    }
    return progress.report(added, List.of(), removed);
  }

  private void addPrefix(Coordinates c, Progress progress) throws IOException {
    if (settings.prefixFile()) {
      progress.add(new PrefixFileUpdate(storage, tops).add(c.groupId()));
    }
  }

  /**
   * Lists the version in the artifact-level metadata and, for a plugin, the plugin in the
   * group-level one.
   *
   * @return whether the version was listed now
   */
  private boolean listVersion(Coordinates c, CheckedDeploy checked, Progress progress)
      throws IOException {
    ObjectKey key = Layout.artifactMetadata(c);
    TopCommit.Outcome listed =
        tops.update(
            key,
            top -> {
              MavenMetadata current = parseOrEmpty(key, top.bytes(), top.exists());
              MavenMetadata next =
                  current.withVersion(
                      c.groupId(), c.artifactId(), c.version(), settings.clock().instant());
              return next == current ? Optional.empty() : Optional.of(next.toXml());
            });
    progress.add(listed);
    if (checked.plugin().isPresent()) {
      progress.add(updatePluginMetadata(c, checked.plugin().get()));
    }
    return listed.written();
  }

  private TopCommit.Outcome updatePluginMetadata(Coordinates c, PluginEntry plugin)
      throws IOException {
    ObjectKey key = Layout.groupMetadata(c.groupId());
    return tops.update(
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

  /** What one deploy has done so far: whether it wrote anything, how its sidecars ended. */
  private static final class Progress {
    /** From best to worst: a deploy reports the worst of its metadata files'. */
    private static final List<Settlement> RANK =
        List.of(Settlement.CURRENT, Settlement.SUPERSEDED, Settlement.TOP_GONE, Settlement.GAVE_UP);

    boolean committed;
    Settlement derived = Settlement.CURRENT;

    void add(TopCommit.Outcome outcome) {
      committed |= outcome.written();
      settled(outcome.sidecars());
    }

    void settled(Settlement settlement) {
      if (RANK.indexOf(settlement) > RANK.indexOf(derived)) {
        derived = settlement;
      }
    }

    ChangeReport<ArtifactRef> report(
        List<ArtifactRef> added, List<ArtifactRef> unchanged, List<ArtifactRef> removed) {
      return new ChangeReport<>(added, unchanged, removed, committed, derived);
    }
  }

  /** Configures a {@link MavenRepository}. Not thread-safe; build once, share the repository. */
  public static final class Builder {
    private final Storage storage;
    private Clock clock = Settings.DEFAULTS.clock();
    private Optional<Signer> signer = Settings.DEFAULTS.signer();
    private RetryPolicy retryPolicy = Settings.DEFAULTS.retryPolicy();
    private Retention retention = Settings.DEFAULTS.retention();
    private boolean prefixFile = Settings.DEFAULTS.prefixFile();

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

    /** How metadata commits retry after losing a race; {@link RetryPolicy#DEFAULT} by default. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Which builds of each snapshot version to keep, counted by build number: {@link
     * Retention#keepNewest(int)} keeps the newest {@code n}, {@link Retention#replaceOlder()} only
     * the newest. Older builds leave the metadata first, and their files are deleted after (GC
     * takes what a failed delete left, with {@link #format()} of this repository). Releases are
     * never dropped. {@link Retention#keepAll()} by default.
     */
    public Builder retention(Retention retention) {
      this.retention = Objects.requireNonNull(retention, "retention");
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

    /** The repository. */
    public MavenRepository build() {
      return new MavenRepository(
          storage, new Settings(clock, signer, retryPolicy, retention, prefixFile));
    }
  }
}
