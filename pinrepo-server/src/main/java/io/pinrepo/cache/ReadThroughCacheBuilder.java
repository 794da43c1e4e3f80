package io.pinrepo.cache;

import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Configures a {@link ReadThroughCache}; from {@link ReadThroughCache#builder(Storage, Path)}. Not
 * thread-safe; each {@link #build()} opens a new cache.
 */
public final class ReadThroughCacheBuilder {

  /** The default bound on the cache's bytes on disk: 1 GiB. */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;

  /** The default bound on serving a top stale while the origin fails: one hour. */
  public static final Duration DEFAULT_MAX_STALE_ON_ERROR = Duration.ofHours(1);

  final Storage origin;
  final Path directory;
  long maxBytes = DEFAULT_MAX_BYTES;
  Predicate<ObjectKey> immutable = key -> false;
  Duration maxStaleness = Duration.ZERO;
  Duration maxStaleOnError = DEFAULT_MAX_STALE_ON_ERROR;
  Clock clock = Clock.systemUTC();
  CacheListener listener = CacheListener.NONE;

  ReadThroughCacheBuilder(Storage origin, Path directory) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Bounds the bytes of the cache files (headers included); least recently used entries are evicted
   * beyond it. An object larger than the bound is served from the origin uncached. Fills in
   * progress are not counted. Default {@link #DEFAULT_MAX_BYTES}.
   */
  public ReadThroughCacheBuilder maxBytes(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
    return this;
  }

  /**
   * Which keys name objects that never change once written (package files, by-hash and
   * content-addressed files): the cache serves those without asking the origin again. Every other
   * key is a mutable top, revalidated by version token. Typically the format's serving policy:
   * {@code key -> policy(key) == IMMUTABLE}. By default no key is immutable.
   */
  public ReadThroughCacheBuilder immutableWhen(Predicate<ObjectKey> immutable) {
    this.immutable = Objects.requireNonNull(immutable, "immutable");
    return this;
  }

  /**
   * How long after the origin last confirmed a top's version the cache serves it without asking
   * again; zero (the default) revalidates on every read and stat.
   */
  public ReadThroughCacheBuilder maxStaleness(Duration maxStaleness) {
    this.maxStaleness = nonNegative(maxStaleness, "maxStaleness");
    return this;
  }

  /**
   * How long after the origin last confirmed a top's version the cache still serves it, marked
   * {@link Freshness.Outcome#STALE}, when the origin fails (with anything but not-found); beyond it
   * the origin's error is thrown. Zero never serves stale. Default {@link
   * #DEFAULT_MAX_STALE_ON_ERROR}.
   */
  public ReadThroughCacheBuilder maxStaleOnError(Duration maxStaleOnError) {
    this.maxStaleOnError = nonNegative(maxStaleOnError, "maxStaleOnError");
    return this;
  }

  /** The clock ages are measured by and use times are stamped with; default UTC system clock. */
  public ReadThroughCacheBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Who hears of hits, misses, evictions and cache failures; default {@link CacheListener#NONE}.
   */
  public ReadThroughCacheBuilder listener(CacheListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Opens the cache: creates the directory (or refuses one that holds files of its own), deletes
   * what killed fills left behind, and takes up every whole entry already there, least recently
   * used first, evicting beyond the byte bound. The origin is not touched. On failure the origin is
   * left open.
   *
   * @throws IOException when the directory cannot be used
   */
  public ReadThroughCache build() throws IOException {
    return ReadThroughCache.open(this);
  }

  private static Duration nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
    return d;
  }
}
