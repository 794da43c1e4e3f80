package io.pinrepo.mirror;

import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.parallel.Parallel;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A regional mirror (after Mozilla's cloud-mirror): an origin storage and named region storages;
 * {@link #locate} answers where a client reads an object in a region, copying it there from the
 * origin the first time it is asked for. The origin is only read.
 *
 * <h2>What is mirrored</h2>
 *
 * Objects the formats serve as immutable ({@link io.pinrepo.serving.CachePolicy#IMMUTABLE}: package
 * files, by-hash and content-addressed indexes; see {@link #mirrors}). Tops and the files derived
 * from them change in place, so a copy would go stale: serve those from the origin (the mirror
 * server does).
 *
 * <h2>Verified before visible</h2>
 *
 * A copy is written under its own key once, with {@code mustBeAbsent}, through a content that
 * withholds its last bytes unless their size and SHA-256 are right (see {@link Copier}), so a torn
 * or wrong copy is never visible: a storage write is atomic and leaves nothing when its content
 * fails. The expected digest is the repository's index entry when the key is an indexed package
 * file ({@code markLive} of the formats present, see {@link IndexedDigests} for the cost), else the
 * digest of the origin's bytes taken when the copy starts. A failure is a {@link
 * CopyVerificationException} and leaves no copy.
 *
 * <h2>One copy, whoever asks</h2>
 *
 * Within this process, concurrent calls for one key in one region share one attempt: the first does
 * the work and the others wait on its future, told the moment it ends. Across processes and
 * machines, the attempt is guarded by a lease object in the region storage, {@code
 * .pinrepo/mirror/leases/SHA256(key)}, created with {@code mustBeAbsent}: its holder copies and
 * renews it every third of {@link RegionalMirrorBuilder#leaseDuration} by a conditional write, and
 * deletes it when done. Those who find the lease taken wait as {@link LeaseWait} describes: a stat
 * of the copy and of the lease, then pauses growing exponentially from 10 ms to at most 1 s
 * (randomised), until the copy appears (answered {@link Located.Outcome#WAITED}), the lease goes
 * without a copy (the holder failed: they try themselves), or the lease goes unrenewed for a whole
 * duration (its holder died: they take it over by a write conditional on the stale token, so only
 * one does). Waiting is bounded by {@link RegionalMirrorBuilder#maxWait} ({@link
 * CopyWaitTimeoutException}). Every mirror sharing a region must use the same lease duration. A
 * holder that stalls longer than its lease loses it and its copy stops; should both copies still
 * finish, the second write finds the key taken, so one copy is ever visible.
 *
 * <p>Each call stats the copy in the region first; an object already there costs that stat and,
 * without a public base URL, a local signature. Thread-safe. {@link #close()} stops the lease
 * renewer; it closes no storage.
 */
public final class RegionalMirror implements AutoCloseable {

  private record Flight(String region, ObjectKey key) {}

  private final Storage origin;
  private final Map<String, Region> regions;
  private final ServingPolicy serving;
  private final IndexedDigests digests;
  private final Copier copier;
  private final RegionalMirrorBuilder settings;
  private final String holder = UUID.randomUUID().toString();
  private final ScheduledExecutorService renewer;
  private final ConcurrentHashMap<Flight, CompletableFuture<Located>> flights =
      new ConcurrentHashMap<>();

  RegionalMirror(RegionalMirrorBuilder b) {
    this.origin = b.origin;
    this.regions = Map.copyOf(b.regions);
    var formats = b.formats == null ? RepositoryFormats.installed() : b.formats;
    this.serving = RepositoryFormats.servingPolicy(formats);
    this.digests = new IndexedDigests(origin, formats, b.digestRefresh, b.listener);
    this.copier = new Copier(origin, b.serverSideCopy);
    this.settings = b;
    this.renewer =
        Executors.newScheduledThreadPool(
            1,
            r -> {
              Thread t = new Thread(r, "pinrepo-mirror-leases");
              t.setDaemon(true);
              return t;
            });
  }

  /** A builder for a mirror of {@code origin}; add regions to it. */
  public static RegionalMirrorBuilder builder(Storage origin) {
    return new RegionalMirrorBuilder(origin);
  }

  /** The origin storage. */
  public Storage origin() {
    return origin;
  }

  /** The regions' names. */
  public Set<String> regions() {
    return regions.keySet();
  }

  /** The storage of {@code region}; throws {@link IllegalArgumentException} for an unknown one. */
  public Storage regionStorage(String region) {
    return region(region).storage();
  }

  /** Whether {@code key} is mirrored: the formats serve it as immutable. */
  public boolean mirrors(ObjectKey key) {
    return serving.of(key).immutable();
  }

  /**
   * Where a client reads {@code key} in {@code region}, copying it there first when it is not (see
   * the type's description).
   *
   * @throws ObjectNotFoundException when the origin has no object under {@code key}
   * @throws CopyVerificationException when the copy does not verify; nothing is made visible
   * @throws CopyWaitTimeoutException when another's copy was still running at the wait's bound
   * @throws IllegalArgumentException for an unknown region or a key that is not mirrored
   */
  public Located locate(ObjectKey key, String region) throws IOException {
    Objects.requireNonNull(key, "key");
    Region r = region(region);
    if (!mirrors(key)) {
      throw new IllegalArgumentException(
          key + " is not mirrored: it may change in place, so serve it from the origin");
    }
    Optional<ObjectInfo> present = r.storage().stat(key);
    if (present.isPresent()) {
      return located(key, r, present.get(), Located.Outcome.PRESENT);
    }
    Flight flight = new Flight(region, key);
    CompletableFuture<Located> mine = new CompletableFuture<>();
    CompletableFuture<Located> theirs = flights.putIfAbsent(flight, mine);
    if (theirs != null) {
      return follow(theirs, key, r);
    }
    try {
      Located located = lead(key, r);
      mine.complete(located);
      return located;
    } catch (IOException | RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      flights.remove(flight, mine);
    }
  }

  /** Stops renewing leases; copies in progress lose theirs and stop. Closes no storage. */
  @Override
  public void close() {
    renewer.shutdownNow();
  }

  private Located lead(ObjectKey key, Region region) throws IOException {
    if (origin.stat(key).isEmpty()) {
      throw new ObjectNotFoundException(key);
    }
    long start = System.nanoTime();
    long deadline = start + settings.maxWait.toNanos();
    Optional<String> stale = Optional.empty();
    while (true) {
      Optional<Lease> lease =
          Lease.take(region.storage(), key, stale, holder, settings.lease, settings.clock, renewer);
      if (lease.isPresent()) {
        if (stale.isPresent()) {
          settings.listener.leaseTakenOver(key, region.name());
        }
        try (Lease held = lease.get()) {
          return copyUnder(held, key, region);
        }
      }
      LeaseWait.Outcome outcome =
          LeaseWait.await(
              region.storage(),
              key,
              region.name(),
              settings.lease,
              settings.clock,
              start,
              deadline);
      if (outcome instanceof LeaseWait.Present p) {
        return located(key, region, p.copy(), Located.Outcome.WAITED);
      }
      stale = outcome instanceof LeaseWait.Stale s ? Optional.of(s.token()) : Optional.empty();
    }
  }

  private Located copyUnder(Lease lease, ObjectKey key, Region region) throws IOException {
    Optional<ObjectInfo> present = region.storage().stat(key); // finished before we took it?
    if (present.isPresent()) {
      return located(key, region, present.get(), Located.Outcome.WAITED);
    }
    long start = System.nanoTime();
    Optional<Expected> expected = digests.lookup(key);
    ObjectInfo copy;
    try {
      copy = copier.copy(key, region, expected, holder, lease);
    } catch (CopyVerificationException e) {
      Optional<Expected> fresh =
          expected.isPresent() ? digests.lookupNewerThan(key, start) : Optional.empty();
      if (fresh.isEmpty() || fresh.equals(expected)) {
        settings.listener.verificationFailed(key, region.name(), e);
        throw e;
      }
      copy = copier.copy(key, region, fresh, holder, lease); // the package was replaced meanwhile
    }
    settings.listener.copied(
        key,
        region.name(),
        copy.size(),
        Duration.ofNanos(System.nanoTime() - start),
        expected.isPresent() && copier.serverSideTo(region));
    return located(key, region, copy, Located.Outcome.COPIED);
  }

  private Located follow(CompletableFuture<Located> leader, ObjectKey key, Region region)
      throws IOException {
    try {
      Located theirs = leader.get(settings.maxWait.toNanos(), TimeUnit.NANOSECONDS);
      return located(key, region, theirs.copy(), Located.Outcome.WAITED);
    } catch (TimeoutException e) {
      throw new CopyWaitTimeoutException(key, region.name(), settings.maxWait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the copy of " + key);
    } catch (ExecutionException e) {
      throw Parallel.failure(e.getCause(), "copy of " + key);
    }
  }

  private Located located(ObjectKey key, Region region, ObjectInfo copy, Located.Outcome outcome)
      throws IOException {
    return new Located(key, region.name(), region.url(key, settings.urlValidity), copy, outcome);
  }

  private Region region(String name) {
    Region region = regions.get(Objects.requireNonNull(name, "region"));
    if (region == null) {
      throw new IllegalArgumentException(
          "no region named '" + name + "'; regions: " + regionList());
    }
    return region;
  }

  private List<String> regionList() {
    return regions.keySet().stream().sorted().toList();
  }
}
