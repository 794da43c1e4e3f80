package io.pinrepo.rpm;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.commit.Settlement;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.rpm.header.ReadLimits;
import io.pinrepo.rpm.header.RpmPackage;
import io.pinrepo.rpm.header.RpmReader;
import io.pinrepo.rpm.repodata.MetadataCompression;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * YUM/DNF repositories on a {@link Storage}: publishes {@code .rpm} files into repository paths
 * (such as {@code el9/x86_64}), removes and lists them. Each path is one repository for a {@code
 * baseurl}: packages under {@code <path>/Packages/<first letter>/}, the primary, filelists and
 * other documents under content-addressed names in {@code <path>/repodata/} (the bytes createrepo_c
 * writes), and {@code repodata/repomd.xml}, the only file that changes, replaced by a conditional
 * write; with a signer, {@code repomd.xml.asc} follows it (for dnf's {@code repo_gpgcheck}). Source
 * packages go to a path of their own ({@link SourcePlacement}).
 *
 * <p>Every change follows the commit protocol: package files first, as write-once blobs; then, per
 * path, the current repomd.xml is read, the documents are spliced (the entries of listed packages
 * are copied from the current documents, never from their package files), written, and repomd.xml
 * replaced conditionally on the version read, retried with backoff when another publisher won; then
 * the signature is written after the commit, conditionally (see {@link ChangeReport#derived()}). A
 * publish performs a fixed number of storage operations whatever the number of packages already
 * published, and never lists the storage. A crash anywhere leaves the previous repomd.xml and
 * everything it names intact; repeating the change completes it, signature included.
 *
 * <p>A batch is all or nothing as far as refusals go: every file is read and checked, and every
 * conflict with what is listed is found, before anything is written. A batch holding binary and
 * source packages commits two paths, one after the other. Thread-safe; many processes may publish
 * into one storage that supports conditional writes.
 *
 * <p>The repository holds its settings once; {@link #format()} hands verify and GC the {@link
 * RpmFormat} configured like it.
 *
 * <pre>{@code
 * RpmRepository rpm = RpmRepository.builder(storage).signer(signer).build();
 * rpm.publish("el9/x86_64", List.of(Path.of("hello-1.0-1.el9.x86_64.rpm")));
 * }</pre>
 */
public final class RpmRepository {

  private final Storage storage;
  private final Settings settings;
  private final RpmReader reader;

  private RpmRepository(Storage storage, Settings settings) {
    this.storage = storage;
    this.settings = settings;
    this.reader = new RpmReader(settings.readLimits());
  }

  /** A builder over {@code storage}, which the caller keeps owning and closes. */
  public static Builder builder(Storage storage) {
    return new Builder(storage);
  }

  /**
   * Publishes RPM files: binary packages into {@code path}, source packages into {@link
   * #sourcePath(String)}. Publishing a listed package again with the same bytes changes nothing;
   * then the retention drops versions of each name and architecture published.
   *
   * @throws MalformedPackageException when a file is not a valid RPM; nothing is written
   * @throws PackageConflictException when a file's name, epoch, version, release and architecture
   *     are listed with other bytes; nothing is written
   * @throws RefusedBatchException when several files are malformed or conflict, naming each;
   *     nothing is written
   * @throws io.pinrepo.CommitConflictException when other publishers kept winning
   * @throws IOException also when a path is signed and this repository has no signer
   * @throws IllegalArgumentException when {@code path} is not a valid repository path
   */
  public ChangeReport<RpmRef> publish(String path, List<Path> files) throws IOException {
    RepoPath binaries = new RepoPath(path);
    SortedMap<RepoPath, List<Uploads.Read>> byPath = group(binaries, readAll(files));
    long fileTime = settings.clock().instant().getEpochSecond();
    List<PinrepoException> refused = new ArrayList<>();
    for (Map.Entry<RepoPath, List<Uploads.Read>> group : byPath.entrySet()) {
      RepoPath p = group.getKey();
      try {
        new PathCommit(storage, settings, p)
            .check(
                new PublishEdit(
                    p, Uploads.planned(group.getValue(), fileTime), settings.retention()));
      } catch (RefusedBatchException e) {
        refused.addAll(e.causes());
      } catch (PackageConflictException e) {
        refused.add(e);
      }
    }
    if (!refused.isEmpty()) {
      throw RefusedBatchException.refusal(refused);
    }
    List<ChangeReport<RpmRef>> reports = new ArrayList<>();
    for (Map.Entry<RepoPath, List<Uploads.Read>> group : byPath.entrySet()) {
      reports.add(publish(group.getKey(), group.getValue(), fileTime));
    }
    return merge(reports);
  }

  private ChangeReport<RpmRef> publish(RepoPath path, List<Uploads.Read> reads, long fileTime)
      throws IOException {
    PathRecord.ensure(storage, path, settings.retryPolicy());
    Uploads uploads = new Uploads(storage, settings, path);
    uploads.upload(reads, fileTime);
    try {
      return new PathCommit(storage, settings, path)
          .run(() -> new PublishEdit(path, uploads.incoming(), settings.retention()));
    } catch (PackageConflictException | RefusedBatchException e) {
      // Another publisher listed one of these NEVRAs with other bytes since the check.
      uploads.takeBack(e);
      throw e;
    }
  }

  /**
   * Removes the packages {@code selector} matches from {@code path}. Their files stay until garbage
   * collection. Removing what is not listed changes nothing.
   *
   * @throws IOException also when the path is signed and this repository has no signer
   */
  public ChangeReport<RpmRef> remove(String path, RpmSelector selector) throws IOException {
    RepoPath p = new RepoPath(path);
    Objects.requireNonNull(selector, "selector");
    PathCommit commit = new PathCommit(storage, settings, p);
    if (commit.check(new RemoveEdit(p, selector)).changes()) {
      PathRecord.ensure(storage, p, settings.retryPolicy());
    }
    return commit.run(() -> new RemoveEdit(p, selector));
  }

  /**
   * Every package {@code path} lists, ordered by name, EVR (in rpm's order) and architecture; empty
   * when nothing was published there.
   */
  public List<RpmRef> list(String path) throws IOException {
    RepoPath p = new RepoPath(path);
    List<RpmRef> refs = new ArrayList<>();
    PathState.read(storage, settings, p).summaries(s -> refs.add(PublishEdit.ref(p, s)));
    refs.sort(RpmRef.ORDER);
    return refs;
  }

  /** Whether {@code path} holds a repository: it has a {@code repodata/repomd.xml}. */
  public boolean exists(String path) throws IOException {
    return storage.stat(new RepoPath(path).repomd()).isPresent();
  }

  /** The repository paths published into, sorted. */
  public List<String> paths() throws IOException {
    return PathRecord.read(storage).stream().map(RepoPath::value).toList();
  }

  /** Where a publish into {@code path} puts source packages, by this repository's placement. */
  public String sourcePath(String path) {
    return settings.sourcePath(new RepoPath(path)).value();
  }

  /**
   * The format as repository-wide tools see it, with this repository's settings: verify and GC run
   * with it on any storage.
   */
  public RpmFormat format() {
    return new RpmFormat(settings);
  }

  /** Reads every file; refuses the batch, naming each malformed file, if any is. */
  private List<Uploads.Read> readAll(List<Path> files) throws IOException {
    List<Uploads.Read> read = new ArrayList<>();
    List<PinrepoException> malformed = new ArrayList<>();
    for (Path file : files) {
      try {
        RpmPackage pkg = reader.read(file);
        checkFileName(file.toString(), pkg);
        read.add(new Uploads.Read(file.toString(), file, pkg));
      } catch (MalformedPackageException e) {
        malformed.add(e);
      }
    }
    if (!malformed.isEmpty()) {
      throw RefusedBatchException.refusal(malformed);
    }
    return read;
  }

  /**
   * Refuses a package whose file name, made of its name, version, release and architecture, would
   * not be one plain file name (rpm itself allows no {@code /} in any of them).
   */
  private static void checkFileName(String source, RpmPackage pkg)
      throws MalformedPackageException {
    String name = pkg.nevra().fileName();
    if (name.contains("/")
        || name.startsWith(".")
        || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new MalformedPackageException(
          source,
          "its name, version, release or architecture holds a '/' or a control character ("
              + pkg.nevra()
              + ")");
    }
  }

  /**
   * The packages by the path they go to; a file given twice counts once, two files with one NEVRA
   * and other bytes are refused.
   */
  private SortedMap<RepoPath, List<Uploads.Read>> group(RepoPath binaries, List<Uploads.Read> all)
      throws PinrepoException {
    SortedMap<RepoPath, List<Uploads.Read>> byPath = new TreeMap<>();
    Map<String, Uploads.Read> seen = new HashMap<>();
    List<PinrepoException> refused = new ArrayList<>();
    for (Uploads.Read r : all) {
      RepoPath path = r.pkg().sourcePackage() ? settings.sourcePath(binaries) : binaries;
      Uploads.Read first = seen.putIfAbsent(path + " " + r.pkg().nevra(), r);
      if (first == null) {
        byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(r);
      } else if (!first.pkg().digests().sha256().equals(r.pkg().digests().sha256())) {
        refused.add(
            new PackageConflictException(
                r.source()
                    + ": "
                    + r.pkg().nevra()
                    + " is also given as "
                    + first.source()
                    + ", with other content"));
      }
    }
    if (!refused.isEmpty()) {
      throw RefusedBatchException.refusal(refused);
    }
    return byPath;
  }

  private static ChangeReport<RpmRef> merge(List<ChangeReport<RpmRef>> reports) {
    if (reports.size() == 1) {
      return reports.get(0);
    }
    List<RpmRef> added = new ArrayList<>();
    List<RpmRef> unchanged = new ArrayList<>();
    List<RpmRef> removed = new ArrayList<>();
    boolean committed = false;
    Settlement derived = Settlement.CURRENT;
    for (ChangeReport<RpmRef> r : reports) {
      added.addAll(r.added());
      unchanged.addAll(r.unchanged());
      removed.addAll(r.removed());
      committed |= r.committed();
      derived = derived == Settlement.CURRENT ? r.derived() : derived;
    }
    return new ChangeReport<>(added, unchanged, removed, committed, derived);
  }

  /** Settings for an {@link RpmRepository}; every one has a default except the storage. */
  public static final class Builder {
    private static final Settings DEFAULTS = Settings.defaults();

    private final Storage storage;
    private Signer signer;
    private Clock clock = DEFAULTS.clock();
    private RetryPolicy retryPolicy = DEFAULTS.retryPolicy();
    private Retention retention = DEFAULTS.retention();
    private MetadataCompression compression = DEFAULTS.compression();
    private SourcePlacement sources = DEFAULTS.sources();
    private Duration metadataRetention = DEFAULTS.metadataRetention();
    private long maxMetadataBytes = DEFAULTS.maxMetadataBytes();
    private ReadLimits readLimits = DEFAULTS.readLimits();

    private Builder(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** The clock for repodata times and metadata retention; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Signs {@code repomd.xml} into {@code repomd.xml.asc}; unsigned by default. */
    public Builder signer(Signer signer) {
      this.signer = Objects.requireNonNull(signer, "signer");
      return this;
    }

    /** How lost races are retried; {@link RetryPolicy#DEFAULT} by default. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Which versions of a name and architecture stay listed when one is published, in rpm's order
     * of epoch, version and release; every version by default.
     */
    public Builder retention(Retention retention) {
      this.retention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    /** How metadata files are compressed; gzip (createrepo_c's default) by default. */
    public Builder compression(MetadataCompression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    /** Where source packages go; {@link SourcePlacement#SRPMS_BESIDE} by default. */
    public Builder sourcePlacement(SourcePlacement sources) {
      this.sources = Objects.requireNonNull(sources, "sources");
      return this;
    }

    /**
     * How long metadata files stay fetchable (and the packages they name stay out of GC's reach)
     * after a commit stops listing them, for clients that read the previous repomd.xml; one day by
     * default. {@link Duration#ZERO} records nothing, leaving them to GC's grace period alone.
     */
    public Builder metadataRetention(Duration retention) {
      if (retention.isNegative()) {
        throw new IllegalArgumentException("negative retention: " + retention);
      }
      this.metadataRetention = retention;
      return this;
    }

    /** The largest uncompressed metadata document read; 4 GiB by default. */
    public Builder maxMetadataBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxMetadataBytes must be positive: " + bytes);
      }
      this.maxMetadataBytes = bytes;
      return this;
    }

    /** How much of a package's headers the reader holds; {@link ReadLimits#DEFAULT} by default. */
    public Builder readLimits(ReadLimits limits) {
      this.readLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The repository. */
    public RpmRepository build() {
      return new RpmRepository(
          storage,
          new Settings(
              Optional.ofNullable(signer),
              clock,
              retryPolicy,
              retention,
              compression,
              sources,
              metadataRetention,
              maxMetadataBytes,
              readLimits));
    }
  }
}
