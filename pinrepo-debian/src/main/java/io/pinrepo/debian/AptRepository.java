package io.pinrepo.debian;

import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.commit.Blobs;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.parallel.Parallel;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.GroupWrites;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An APT repository on a {@link Storage}: publishes .deb files into distributions and components,
 * removes and lists them. Every change follows the commit protocol: package files first, then the
 * touched indexes under their by-hash names, then {@code InRelease} (or {@code Release} when
 * unsigned) replaced conditionally on the version read, retried on a lost race. Concurrent
 * publishers, in one process or many, never lose each other's packages and apt never sees an index
 * that does not match its Release. The legacy index paths (and, when signing, {@code Release} and
 * {@code Release.gpg}) are written after the commit, conditionally, by {@link
 * io.pinrepo.commit.OptimisticCommit.Operation#settle}; {@link ChangeReport#derived()} says how
 * that ended. A change that commits nothing repairs the legacy files a crashed publisher left
 * behind.
 *
 * <p>A publish reads the distribution's Release and the indexes it touches, never the pool, so its
 * cost does not grow with the number of packages already published. Thread-safe.
 *
 * <p>The repository holds its settings once; {@link #format()} hands verify and GC the {@link
 * AptFormat} that reads them: the same clock judges by-hash retention, the same limit bounds the
 * indexes read.
 *
 * <pre>{@code
 * AptRepository repo = AptRepository.builder(storage).signer(signer).origin("Example").build();
 * repo.publish("stable", "main", List.of(Path.of("hello_1.0_amd64.deb")));
 * }</pre>
 */
public final class AptRepository {
  /**
   * From how many files a publish writes its new pool files as a group, where the storage can
   * ({@link GroupWrites}): a filesystem then flushes itself twice in all, which costs more than two
   * flushes per file for a few files on a busy disk and far less for hundreds.
   */
  static final int GROUP_FROM = 64;

  /** Pool uploads of one publish in flight at once. */
  private static final int UPLOADS_AT_ONCE = 8;

  private final Storage storage;
  private final Settings settings;

  private AptRepository(Storage storage, Settings settings) {
    this.storage = storage;
    this.settings = settings;
  }

  /** A builder over {@code storage}, which the caller keeps owning and closes. */
  public static Builder builder(Storage storage) {
    return new Builder(storage);
  }

  /**
   * Publishes .deb and .udeb files into {@code dist}/{@code component}; a file whose name ends in
   * {@code .udeb} (or whose control says {@code Package-Type: udeb}) is listed in {@code
   * <component>/debian-installer/binary-<arch>/Packages} and keeps its extension in the pool.
   *
   * <p>One rule for the whole batch: every file is read and checked, and checked against the
   * packages listed now, before anything is written. When any file is malformed, repeats a package
   * of the batch with other bytes, or has other bytes than the listed package of its name, version
   * and architecture (and replace-on-conflict is off), nothing is written and every such file is
   * named. Retention applies to every package given, also to one already listed with the same
   * bytes.
   *
   * <p>Only a race can refuse a publish after its upload: another publisher lists other bytes under
   * one of the batch's names between the check and the commit. Then nothing is committed, and the
   * pool files this publish uploaded stay, unlisted, until {@code gc} collects them after its grace
   * period. They are not deleted at once because that cannot be made safe: a concurrent publisher
   * of the same bytes finds such a file already there, writes nothing, and names it in its own
   * commit later; nothing it does is visible to a conditional delete (a version token may be the
   * content's hash, so even rewriting the same bytes keeps it), so a delete could leave that
   * publisher's index naming a missing file. GC's grace period is exactly the guard that makes
   * collecting such files safe.
   *
   * @throws io.pinrepo.MalformedPackageException when the one bad file is not a valid .deb
   * @throws PackageConflictException when the one bad file has other bytes than a listed package
   *     (or than another file of the batch) of its name, version and architecture
   * @throws io.pinrepo.RefusedBatchException when several files are bad, naming each in the order
   *     given
   * @throws io.pinrepo.CommitConflictException when other publishers kept winning
   * @throws IOException also when the distribution is signed and this repository has no signer
   */
  public ChangeReport<PackageRef> publish(String dist, String component, List<Path> debs)
      throws IOException {
    return publishSources(dist, component, debs.stream().map(ContentSource::ofPath).toList());
  }

  /**
   * Publishes .deb and .udeb contents into {@code dist}/{@code component}; each source's {@code
   * toString()} names it in errors, and a name ending in {@code .udeb} marks a udeb. See {@link
   * #publish}.
   */
  public ChangeReport<PackageRef> publishSources(
      String dist, String component, List<ContentSource> debs) throws IOException {
    DistLayout.checkName("component", component);
    DistCommit commit = new DistCommit(storage, settings, dist);
    PublishBatch batch = PublishBatch.read(debs, settings.checkData());
    List<PublishEdit.Incoming> planned = new ArrayList<>();
    for (PublishBatch.Item item : batch.items()) {
      planned.add(incoming(item, PoolLayout.path(component, item.deb(), item.type())));
    }
    SortedMap<Integer, PinrepoException> refused = batch.problems();
    refused.putAll(commit.conflicts(edit(dist, component, planned)));
    // Before the files' faults, as a key that cannot sign was reported before any file was read.
    if (settings.signer().isPresent()) {
      settings.signer().get().ready();
    }
    if (!refused.isEmpty()) {
      throw RefusedBatchException.refusal(List.copyOf(refused.values()));
    }
    return commit.run(edit(dist, component, uploadAll(component, batch.items())));
  }

  /**
   * Uploads the files of a batch, several at once: each upload waits mostly on the storage (a flush
   * to disk, a round trip to S3), so a bulk publish of thousands of files would otherwise spend its
   * time waiting on one at a time. The results keep the batch's order.
   */
  private List<PublishEdit.Incoming> uploadAll(String component, List<PublishBatch.Item> items)
      throws IOException {
    return items.size() >= GROUP_FROM && storage instanceof GroupWrites group
        ? uploadGrouped(component, items, group)
        : uploadEach(component, items);
  }

  /**
   * Writes the new pool files of a large batch together (on a filesystem, two flushes in all
   * instead of two per file), then uploads the rest one by one: a file already in the pool is
   * compared with what is there, as {@link #upload} does.
   */
  private List<PublishEdit.Incoming> uploadGrouped(
      String component, List<PublishBatch.Item> items, GroupWrites group) throws IOException {
    List<String> paths = new ArrayList<>(items.size());
    Map<ObjectKey, ContentSource> fresh = new LinkedHashMap<>();
    for (PublishBatch.Item item : items) {
      String path = PoolLayout.path(component, item.deb(), item.type());
      paths.add(path);
      fresh.putIfAbsent(PoolLayout.key(path), item.source());
    }
    // A second file of the batch under the same pool name (other bytes) goes on as upload does.
    Set<ObjectKey> written = new HashSet<>(group.writeAbsent(fresh));
    PublishEdit.Incoming[] incoming = new PublishEdit.Incoming[items.size()];
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (written.remove(PoolLayout.key(paths.get(i)))) {
        incoming[i] = incoming(items.get(i), paths.get(i));
      } else {
        rest.add(i);
      }
    }
    List<PublishEdit.Incoming> uploaded =
        uploadEach(component, rest.stream().map(items::get).toList());
    for (int i = 0; i < rest.size(); i++) {
      incoming[rest.get(i)] = uploaded.get(i);
    }
    return List.of(incoming);
  }

  private List<PublishEdit.Incoming> uploadEach(String component, List<PublishBatch.Item> items)
      throws IOException {
    if (items.size() < 2) {
      List<PublishEdit.Incoming> incoming = new ArrayList<>();
      for (PublishBatch.Item item : items) {
        incoming.add(upload(component, item));
      }
      return incoming;
    }
    ExecutorService uploads =
        Executors.newFixedThreadPool(
            Math.min(UPLOADS_AT_ONCE, items.size()), Parallel.daemonThreads("pinrepo-upload"));
    try {
      return Parallel.map(uploads, items, item -> upload(component, item));
    } finally {
      uploads.shutdownNow();
    }
  }

  private PublishEdit edit(String dist, String component, List<PublishEdit.Incoming> incoming) {
    return new PublishEdit(
        dist, component, incoming, settings.retention(), settings.replaceOnConflict());
  }

  /**
   * Removes the packages {@code selector} matches from {@code dist}/{@code component}, udebs
   * included. Their pool files stay until garbage collection (see {@link #purge} to delete them
   * now). Removing what is not listed changes nothing.
   */
  public ChangeReport<PackageRef> remove(String dist, String component, PackageSelector selector)
      throws IOException {
    DistLayout.checkName("component", component);
    return new DistCommit(storage, settings, dist).run(new RemoveEdit(component, selector));
  }

  /**
   * Purges the packages {@code selector} matches from {@code dist}/{@code component}: removes them
   * from the indexes, drops the records that keep superseded indexes listing their files fetchable
   * (see {@link Builder#byHashRetention}), and deletes each file now unless an index of another
   * distribution or component still lists it. Packages removed earlier, whose files only superseded
   * indexes still list, are purged too.
   *
   * <p>Meant for taking back what should not have been published. It is not safe against a
   * concurrent publish of the same file (which may find the file, skip its upload, and list it
   * after the delete); run it when nobody publishes that package. It reads the indexes of every
   * distribution to find where a file is still listed.
   */
  public PurgeReport purge(String dist, String component, PackageSelector selector)
      throws IOException {
    DistLayout.checkName("component", component);
    return new Purge(storage, settings, new DistLayout(dist)).run(component, selector);
  }

  /** Whether {@code dist} has been published: it has a {@code Release} or {@code InRelease}. */
  public boolean hasDistribution(String dist) throws IOException {
    DistLayout layout = new DistLayout(dist);
    return storage.stat(layout.inRelease()).isPresent()
        || storage.stat(layout.release()).isPresent();
  }

  /**
   * Every package listed in {@code dist}, once each (an {@code all} package is in every
   * architecture's index), ordered by component, name, version and architecture. Empty when the
   * distribution does not exist.
   */
  public List<PackageRef> list(String dist) throws IOException {
    DistState state = DistState.readLatest(storage, settings, new DistLayout(dist));
    Map<String, PackageRef> refs = new LinkedHashMap<>();
    for (String component : state.components()) {
      for (IndexId index : state.indexes(component)) {
        for (IndexEntry e : state.packages(component, index)) {
          refs.putIfAbsent(component + " " + e.filename(), e.ref(component));
        }
      }
    }
    return refs.values().stream().sorted(PackageRef.ORDER).toList();
  }

  /**
   * Promotion between this repository's distributions, with a history of the newest {@link
   * AptPromotion#DEFAULT_KEEP} promotions per distribution; the target is signed with this
   * repository's signer, and its Release carries this repository's Origin, Label and Valid-Until.
   */
  public AptPromotion promotion() {
    return new AptPromotion(storage, settings, AptPromotion.DEFAULT_KEEP);
  }

  /**
   * The format as repository-wide tools see it, with this repository's settings: verify and GC run
   * with it on any storage.
   */
  public AptFormat format() {
    return new AptFormat(settings);
  }

  private PublishEdit.Incoming upload(String component, PublishBatch.Item item) throws IOException {
    String path = PoolLayout.path(component, item.deb(), item.type());
    try {
      Blobs.put(
          storage, PoolLayout.key(path), item.source(), item.deb().digests(), settings.clock());
    } catch (PackageConflictException e) {
      // The same name, version and architecture rebuilt: keep both files; the index decides.
      path = PoolLayout.alternatePath(component, item.deb(), item.type());
      Blobs.put(
          storage, PoolLayout.key(path), item.source(), item.deb().digests(), settings.clock());
    }
    return incoming(item, path);
  }

  private static PublishEdit.Incoming incoming(PublishBatch.Item item, String poolPath) {
    return new PublishEdit.Incoming(
        item.position(), item.name(), item.type(), IndexEntry.of(item.deb(), poolPath));
  }

  /** Settings for an {@link AptRepository}; every one has a default except the storage. */
  public static final class Builder {
    private static final Settings DEFAULTS = Settings.defaults();

    private final Storage storage;
    private Signer signer;
    private Clock clock = DEFAULTS.clock();
    private String origin;
    private String label;
    private Duration validFor;
    private IndexCompression compression = DEFAULTS.compression();
    private SortedSet<String> defaultArchitectures = DEFAULTS.defaultArchitectures();
    private Retention retention = DEFAULTS.retention();
    private boolean replaceOnConflict = DEFAULTS.replaceOnConflict();
    private RetryPolicy retryPolicy = DEFAULTS.retryPolicy();
    private int maxIndexBytes = DEFAULTS.maxIndexBytes();
    private Duration byHashRetention = DEFAULTS.byHashRetention();
    private boolean checkData = DEFAULTS.checkData();

    private Builder(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** Signs {@code InRelease} and {@code Release.gpg}; without one the repository is unsigned. */
    public Builder signer(Signer signer) {
      this.signer = Objects.requireNonNull(signer, "signer");
      return this;
    }

    /** The clock for the Release {@code Date}; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The Release {@code Origin}; none by default. */
    public Builder origin(String origin) {
      this.origin = singleLine("origin", origin);
      return this;
    }

    /** The Release {@code Label}; none by default. */
    public Builder label(String label) {
      this.label = singleLine("label", label);
      return this;
    }

    /** Writes {@code Valid-Until} this long after {@code Date}; none by default. */
    public Builder validFor(Duration validFor) {
      if (validFor.isNegative() || validFor.isZero()) {
        throw new IllegalArgumentException("validFor must be positive: " + validFor);
      }
      this.validFor = validFor;
      return this;
    }

    /** Which compressed indexes to write; {@link IndexCompression#DEFAULT} by default. */
    public Builder compression(IndexCompression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    /**
     * The architectures of a new distribution that receives only {@code all} packages; {@code
     * amd64} by default.
     */
    public Builder defaultArchitectures(List<String> architectures) {
      if (architectures.isEmpty() || architectures.contains("all")) {
        throw new IllegalArgumentException("need real architectures: " + architectures);
      }
      this.defaultArchitectures = new TreeSet<>(architectures);
      return this;
    }

    /** Which versions to keep when a new one is published; every version by default. */
    public Builder retention(Retention retention) {
      this.retention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    /**
     * Whether publishing other bytes under a listed name, version and architecture replaces the
     * listed package instead of failing with {@link PackageConflictException}; off by default.
     */
    public Builder replaceOnConflict(boolean replace) {
      this.replaceOnConflict = replace;
      return this;
    }

    /** How lost races are retried; {@link RetryPolicy#DEFAULT} by default. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * How long index files stay fetchable by hash (and the packages they name stay out of GC's
     * reach) after a commit stops listing them, for clients that read the previous InRelease; one
     * day by default. {@link Duration#ZERO} records nothing, leaving superseded files to GC's grace
     * period alone.
     */
    public Builder byHashRetention(Duration retention) {
      if (retention.isNegative()) {
        throw new IllegalArgumentException("negative retention: " + retention);
      }
      this.byHashRetention = retention;
      return this;
    }

    /**
     * Whether a publish reads each package's {@code data.tar} through, refusing decompression
     * bombs, paths that climb out of the package root, unknown entry types and truncated data; on
     * by default. Off, only the data member's framing is checked and its bytes are hashed unread:
     * about ten times faster for a large package (measured: the 8 largest packages of a Debian apt
     * cache, 550 MB, 13 s instead of 162 s on a loaded 2-core machine), for packages whose builder
     * you trust. The control archive is always checked.
     */
    public Builder checkData(boolean check) {
      this.checkData = check;
      return this;
    }

    /** The largest uncompressed {@code Packages} index read; 512 MiB by default. */
    public Builder maxIndexBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxIndexBytes must be positive: " + bytes);
      }
      this.maxIndexBytes = bytes;
      return this;
    }

    /** The repository. */
    public AptRepository build() {
      return new AptRepository(
          storage,
          new Settings(
              Optional.ofNullable(signer),
              clock,
              Optional.ofNullable(origin),
              Optional.ofNullable(label),
              Optional.ofNullable(validFor),
              compression,
              defaultArchitectures,
              retention,
              replaceOnConflict,
              retryPolicy,
              maxIndexBytes,
              byHashRetention,
              checkData));
    }

    private static String singleLine(String what, String value) {
      if (value.isBlank() || value.contains("\n") || !value.strip().equals(value)) {
        throw new IllegalArgumentException(what + " must be one non-blank line: '" + value + "'");
      }
      return value;
    }
  }
}
