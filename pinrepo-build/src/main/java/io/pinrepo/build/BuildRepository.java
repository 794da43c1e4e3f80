package io.pinrepo.build;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable builds on a {@link Storage}: publish a set of files under a name and version, read a
 * build's manifest, list a name's builds newest first. See {@link BuildLayout} for the keys.
 *
 * <p>A publish uploads the files first as write-once blobs, then writes the manifest on condition
 * that none exists: a build is visible exactly when complete, and a crash at any point leaves at
 * most unreferenced files for GC. Publishing the same files and metadata again is a no-op; other
 * content under a published version is refused with {@link BuildConflictException} before anything
 * is uploaded. A publish costs one conditional write per file (and a read for a file already
 * stored) plus three requests (read the manifest, write it, write the listing marker), however many
 * builds the name or the repository holds; it never lists the storage. Each file is read twice from
 * its source (hash, upload); memory does not grow with file size.
 *
 * <p>It does not delete or replace builds (GC does the former, nothing does the latter) and does
 * not order versions by their text: newest means most recently published. Thread-safe; any number
 * of processes may publish into one storage that supports conditional writes.
 */
public final class BuildRepository {

  /** The most builds one page may hold. */
  public static final int MAX_PAGE = 1000;

  private final Storage storage;
  private final ManifestStore store;
  private final BuildPublisher publisher;

  private BuildRepository(Storage storage, Clock clock) {
    this.storage = storage;
    this.store = new ManifestStore(storage, clock);
    this.publisher = new BuildPublisher(storage, clock, store);
  }

  /** Builds on {@code storage}, timed by the system UTC clock. */
  public static BuildRepository on(Storage storage) {
    return on(storage, Clock.systemUTC());
  }

  /** Builds on {@code storage}, with publish times and object ages judged by {@code clock}. */
  public static BuildRepository on(Storage storage, Clock clock) {
    return new BuildRepository(
        Objects.requireNonNull(storage, "storage"), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Publishes {@code build}.
   *
   * @return the build as published, or as it already was when the same build was there
   * @throws BuildConflictException when the version holds other files or metadata, or another
   *     publish of it with other files is under way; the repository is unchanged, except that files
   *     a racing publish shares may stay for GC
   */
  public PublishResult publish(NewBuild build) throws IOException {
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

  /**
   * Makes sure {@code name} {@code version} is a complete build that GC will keep while a pointer
   * is being set to it, and returns its manifest. A manifest or listing marker older than {@link
   * io.pinrepo.commit.Blobs#REFRESH_AFTER} is rewritten with its same bytes (GC deletes nothing
   * younger than its grace period), and a listing marker missing after a publish died is written.
   * Call it before writing a reference to a build.
   *
   * @throws NoSuchBuildException when there is no complete build of that version
   */
  public StoredManifest hold(BuildName name, BuildVersion version) throws IOException {
    Optional<ManifestStore.Read> read = store.read(name, version);
    if (read.isPresent()
        && store.refreshIfOld(
            BuildLayout.manifest(name, version), read.get().bytes(), read.get().info())) {
      store.ensureMarker(read.get().manifest(), true);
      return read.get().stored();
    }
    throw missing(name, version);
  }

  private NoSuchBuildException missing(BuildName name, BuildVersion version) throws IOException {
    boolean partial;
    try (ObjectListing listing = storage.list(BuildLayout.versionPrefix(name, version))) {
      partial = listing.hasNext();
    }
    return new NoSuchBuildException(
        name,
        version,
        partial
            ? name
                + " "
                + version
                + " is incomplete (files but no manifest: its publish is in progress or died)"
            : "no build " + name + " " + version);
  }

  /** The newest {@code limit} builds of {@code name}; see {@link #list(BuildName, int, String)}. */
  public BuildPage list(BuildName name, int limit) throws IOException {
    return page(name, limit, Optional.empty());
  }

  /**
   * The next {@code limit} builds of {@code name} after the cursor {@code after} that a previous
   * page returned, newest first. Only complete builds appear; one that a crash left without its
   * listing marker appears once published again or pointed at. The first page costs one list
   * request; a later page walks the listing from its start (one request per 1,000 builds on S3).
   */
  public BuildPage list(BuildName name, int limit, String after) throws IOException {
    return page(name, limit, Optional.of(Objects.requireNonNull(after, "after")));
  }

  private BuildPage page(BuildName name, int limit, Optional<String> after) throws IOException {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE + ": " + limit);
    }
    String prefix = BuildLayout.markerPrefix(name);
    List<BuildSummary> builds = new ArrayList<>();
    String last = null;
    try (ObjectListing listing = storage.list(prefix)) {
      while (listing.hasNext()) {
        ObjectInfo info = listing.next();
        String cursor = info.key().value().substring(prefix.length());
        if (after.isPresent() && cursor.compareTo(after.get()) <= 0) {
          continue;
        }
        Optional<BuildLayout.Key> key = BuildLayout.parse(info.key());
        if (key.isEmpty() || !(key.get() instanceof BuildLayout.MarkerKey marker)) {
          continue;
        }
        if (builds.size() == limit) {
          return new BuildPage(builds, Optional.of(last));
        }
        builds.add(new BuildSummary(marker.version(), marker.time()));
        last = cursor;
      }
    }
    return new BuildPage(builds, Optional.empty());
  }
}
