package io.pinrepo.build;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.Manifest;
import io.pinrepo.build.manifest.NewBuild;
import io.pinrepo.build.manifest.StoredManifest;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable builds on a {@link Storage}: publish a set of files under a name and version, read a
 * build's manifest, list a name's builds newest first, fetch a build into a directory; its {@link
 * #pointers()} name the build each node should run. See {@link BuildLayout} for the keys. It is the
 * single holder of the repository's settings: {@link #format()} hands them to verify and GC.
 *
 * <p>A publish reads every file (to hash it) before it writes anything, then uploads the files as
 * write-once blobs, then writes the manifest on condition that none exists: a build is visible
 * exactly when complete, and a crash at any point leaves at most unreferenced files for GC.
 * Publishing the same files and metadata again is a no-op; other content under a published version
 * is refused with {@link BuildConflictException} before anything is uploaded. A publish costs one
 * conditional write per file (and a read for a file already stored) plus three requests (read the
 * manifest, write it, write the listing marker), however many builds the name or the repository
 * holds; with a {@link Builder#retention retention} other than keep-all, one list of the name's
 * listing (which the retention keeps short) and one delete per build it drops. Each file is read
 * twice from its source (hash, upload); memory does not grow with file size.
 *
 * <p>It does not delete or replace builds (GC removes those neither listed nor named by a pointer;
 * nothing replaces one) and does not order versions by their text: newest means most recently
 * published. Thread-safe; any number of processes may publish into one storage that supports
 * conditional writes.
 */
public final class BuildRepository {

  /** The most builds one page may hold. */
  public static final int MAX_PAGE = 1000;

  private final ManifestStore store;
  private final BuildPublisher publisher;
  private final Listing listing;
  private final Pointers pointers;
  private final BuildFetcher fetcher;
  private final BuildFormat format;

  private BuildRepository(Storage storage, Settings settings) {
    this.store = new ManifestStore(storage, settings.clock());
    this.publisher = new BuildPublisher(storage, settings, store);
    this.listing = new Listing(storage);
    this.pointers = new Pointers(storage, settings, store);
    this.fetcher = new BuildFetcher(storage, store, pointers);
    this.format = new BuildFormat(settings);
  }

  /** A repository on {@code storage} with the defaults (system UTC clock, keep every build). */
  public static BuildRepository on(Storage storage) {
    return builder(storage).build();
  }

  /** A builder for a repository on {@code storage}. */
  public static Builder builder(Storage storage) {
    return new Builder(storage);
  }

  /** The format of this repository, with its settings, for verify and GC. */
  public BuildFormat format() {
    return format;
  }

  /** The version pointers of this repository's build lines, with its clock and retry policy. */
  public Pointers pointers() {
    return pointers;
  }

  /**
   * Publishes {@code build}.
   *
   * @return the build as added, or as unchanged when the same build was there already (with its
   *     original time); as removed, the builds of the name that the retention dropped from the
   *     listing (the new one too, when newer builds crowd it out)
   * @throws BuildConflictException when the version holds other files or metadata, or another
   *     publish of it with other files is under way; the repository is unchanged, except that files
   *     a racing publish shares may stay for GC
   * @throws java.nio.file.NoSuchFileException when a local file is missing; nothing is written
   */
  public ChangeReport<BuildRef> publish(NewBuild build) throws IOException {
    return publisher.publish(Objects.requireNonNull(build, "build"));
  }

  /** The manifest of a complete build, if there is one. */
  public Optional<Manifest> manifest(BuildName name, BuildVersion version) throws IOException {
    return read(name, version).map(StoredManifest::manifest);
  }

  /**
   * The manifest of a complete build with the digest of its stored bytes, if there is one.
   *
   * @throws io.pinrepo.MalformedPackageException when the stored manifest is not one
   */
  public Optional<StoredManifest> read(BuildName name, BuildVersion version) throws IOException {
    return store.read(name, version).map(ManifestStore.Read::stored);
  }

  /** The newest {@code limit} builds of {@code name}; see {@link #list(BuildName, int, String)}. */
  public BuildPage list(BuildName name, int limit) throws IOException {
    return page(name, limit, Optional.empty());
  }

  /**
   * The next {@code limit} builds of {@code name} after the cursor {@code after} that a previous
   * page returned, newest first. Only complete builds appear, and only those the retention kept;
   * one that a crash left without its listing marker appears once published again. The first page
   * costs one list request; a later page walks the listing from its start (one request per 1,000
   * builds on S3).
   */
  public BuildPage list(BuildName name, int limit, String after) throws IOException {
    return page(name, limit, Optional.of(Objects.requireNonNull(after, "after")));
  }

  private BuildPage page(BuildName name, int limit, Optional<String> after) throws IOException {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE + ": " + limit);
    }
    return listing.page(Objects.requireNonNull(name, "name"), limit, after);
  }

  /**
   * Downloads build {@code name} {@code version} into {@code destination}, all or nothing: every
   * file is streamed into a staging directory beside the destination while its SHA-256 is computed,
   * and only when every file has the size and digest its manifest lists is the staging directory
   * renamed to the destination in one atomic move. The destination must not exist or be an empty
   * directory, on a filesystem that renames directories atomically (any local one). File modes are
   * not carried. Memory does not grow with file size.
   *
   * @throws NoSuchBuildException when there is no complete build of that version
   * @throws BuildIntegrityException when a file differs from its manifest entry; the destination is
   *     as it was
   * @throws java.nio.file.FileAlreadyExistsException when the destination is not an empty directory
   */
  public FetchResult fetch(BuildName name, BuildVersion version, Path destination)
      throws IOException {
    return fetcher.fetch(name, version, destination);
  }

  /**
   * Downloads the build that {@code pointer} of {@code name} names now into {@code destination}, as
   * {@link #fetch(BuildName, BuildVersion, Path)} does, after checking that the build's manifest is
   * byte for byte the one the pointer was set to.
   *
   * @throws NoSuchPointerException when the pointer was never set
   * @throws NoSuchBuildException when the build it names is gone
   * @throws BuildIntegrityException when the manifest is not the one the pointer was set to, or a
   *     file differs from its manifest entry; the destination is as it was
   */
  public FetchResult fetch(BuildName name, PointerName pointer, Path destination)
      throws IOException {
    return fetcher.fetch(name, pointer, destination);
  }

  /** Settings for a {@link BuildRepository}. */
  public static final class Builder {
    private final Storage storage;
    private Clock clock = Settings.DEFAULTS.clock();
    private RetryPolicy retry = Settings.DEFAULTS.retryPolicy();
    private Retention retention = Settings.DEFAULTS.retention();
    private HistoryRoots historyRoots = Settings.DEFAULTS.historyRoots();

    private Builder(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
    }

    /**
     * The clock for publish and pointer change times, and for the age of what a publish or change
     * re-uses (default: system UTC).
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How lost pointer races are retried (default {@link RetryPolicy#DEFAULT}). */
    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * Which builds of a name stay listed when one is published (default {@link
     * Retention#keepAll()}), newest by publish time: {@link Retention#keepNewest(int)} keeps the
     * newest {@code n}, {@link Retention#replaceOlder()} only the one published. A dropped build
     * leaves the listing at once and stays complete until GC, which never removes a build a pointer
     * names now or named in its recent history ({@link #historyRoots}).
     */
    public Builder retention(Retention retention) {
      this.retention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    /**
     * How much of each pointer's history GC keeps the builds of (default {@link
     * HistoryRoots#DEFAULT}); {@link BuildRepository#format()} carries it to GC.
     */
    public Builder historyRoots(HistoryRoots historyRoots) {
      this.historyRoots = Objects.requireNonNull(historyRoots, "historyRoots");
      return this;
    }

    /** The repository. */
    public BuildRepository build() {
      return new BuildRepository(storage, new Settings(clock, retry, retention, historyRoots));
    }
  }
}
