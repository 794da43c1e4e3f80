package io.pinrepo.cache;

import io.pinrepo.cache.Resolution.Cached;
import io.pinrepo.cache.Resolution.Signal;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link Storage} that keeps copies of another storage's (the origin's) objects on local disk and
 * serves reads from them: a read-through cache for serving a repository from a slow or distant
 * backend, and for going on serving it while the backend is down.
 *
 * <ul>
 *   <li><b>Immutable objects</b> (package files, by-hash files: whatever {@link
 *       ReadThroughCacheBuilder#immutableWhen} says) are fetched once and then served from disk
 *       without asking the origin, also while it fails.
 *   <li><b>Tops</b> (every other key) are cached too, but served without asking only within {@link
 *       ReadThroughCacheBuilder#maxStaleness}; after that each read stats the origin and serves the
 *       cached copy if its version token is still current, else fetches the new version. When the
 *       origin fails, a top last confirmed within {@link ReadThroughCacheBuilder#maxStaleOnError}
 *       is served marked {@link Freshness.Outcome#STALE}; see {@link #open} and {@link #lookup}.
 *   <li><b>Misses</b> for one key are fetched once however many threads ask (the others wait for
 *       that fetch); a fetch streams into a temporary file while hashing, in constant memory, and
 *       becomes visible by an atomic rename only when whole and flushed, so a crash never leaves a
 *       torn file to serve. Entries are keyed by key and version token.
 *   <li><b>Bounded</b> by bytes on disk, least recently used evicted first. The directory survives
 *       restarts: a new cache on it takes up its entries in their last-used order.
 *   <li><b>Writes and deletes</b> go to the origin, then drop the key's cached copies. Ranged reads
 *       are served from the cached file (a miss fetches the whole object first). {@link #list} goes
 *       to the origin.
 * </ul>
 *
 * <p>Several processes may share one directory: each keeps its own index, takes up entries the
 * others filled when it misses, and at worst fetches an object the others already hold; none ever
 * serves a torn file. The byte bound is then kept by each process for what it knows of. Open one
 * cache per directory per JVM. A write through one process drops the key's files for all, but a
 * process still filling the old version when another writes may keep that old version.
 *
 * <p>It does not cache listings or negative answers, does not prefetch, and does not serve the
 * first bytes of a miss before the whole object is on disk. Optional powers of the origin ({@link
 * io.pinrepo.spi.PresignedUrls}, {@link io.pinrepo.spi.ServerSideCopy}) are not offered through it.
 * It relies on POSIX file semantics (an open file stays readable when deleted or replaced).
 * Thread-safe. Closing it closes the origin.
 */
public final class ReadThroughCache extends ForwardingStorage {

  /** How often a read retries when its entry vanishes under it before going to the origin. */
  private static final int MAX_ATTEMPTS = 5;

  private final EntryStore store;
  private final CacheDirectory directory;
  private final Predicate<ObjectKey> immutable;
  private final StalenessRules rules;
  private final long maxBytes;
  private final CacheListener listener;

  private ReadThroughCache(ReadThroughCacheBuilder builder, CacheDirectory directory) {
    super(builder.origin);
    this.store = new EntryStore(directory, builder.maxBytes, builder.listener);
    this.directory = directory;
    this.immutable = builder.immutable;
    this.rules = new StalenessRules(builder.maxStaleness, builder.maxStaleOnError, builder.clock);
    this.maxBytes = builder.maxBytes;
    this.listener = builder.listener;
  }

  /** A builder for a cache of {@code origin} in {@code directory}. */
  public static ReadThroughCacheBuilder builder(Storage origin, Path directory) {
    return new ReadThroughCacheBuilder(origin, directory);
  }

  static ReadThroughCache open(ReadThroughCacheBuilder builder) throws IOException {
    CacheDirectory directory = CacheDirectory.open(builder.directory, builder.clock);
    directory.cleanTemps();
    ReadThroughCache cache = new ReadThroughCache(builder, directory);
    for (CacheDirectory.Found found : directory.scan()) {
      cache.store.admit(found.entry());
    }
    return cache;
  }

  /** The directory the cache keeps its files in. */
  public Path directory() {
    return directory.root();
  }

  /** The bytes of the cache files this cache knows of; at most the configured bound. */
  public long usedBytes() {
    return store.bytes();
  }

  /** {@inheritDoc} Equal to {@code lookup(key).map(CachedStat::info)}. */
  @Override
  public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
    return lookup(key).map(CachedStat::info);
  }

  /** {@inheritDoc} Equal to {@code open(key, range).stream()}. */
  @Override
  public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
    return open(key, range).stream();
  }

  /**
   * Describes the object under {@code key} as {@link #stat} does, and says how fresh the answer is.
   * A cached immutable object, or a top within its staleness, is answered from the cache; else the
   * origin is asked (a stat, which does not fill the cache).
   *
   * @return empty when the origin has no object under {@code key}
   * @throws IOException when the origin fails and no cached answer is within its bound
   */
  public Optional<CachedStat> lookup(ObjectKey key) throws IOException {
    Objects.requireNonNull(key, "key");
    Entry cached = store.get(key);
    if (cached != null && (immutable.test(key) || rules.fresh(cached))) {
      return Optional.of(new CachedStat(cached.info(), rules.hit(cached)));
    }
    Optional<ObjectInfo> current;
    try {
      current = delegate().stat(key);
    } catch (IOException e) {
      Entry stale = rules.staleOrThrow(cached, e);
      return Optional.of(new CachedStat(stale.info(), rules.stale(stale)));
    }
    if (current.isEmpty()) {
      store.forget(key);
      return Optional.empty();
    }
    if (cached != null && sameVersion(cached, current.get())) {
      return Optional.of(new CachedStat(cached.info(), rules.revalidated(cached)));
    }
    return Optional.of(new CachedStat(current.get(), Freshness.miss()));
  }

  /**
   * Opens a read of {@code range} of the object under {@code key} as {@link #read} does, and says
   * how fresh the bytes are. The caller closes the result.
   *
   * @throws ObjectNotFoundException when the origin has no object under {@code key} (and the cache
   *     no immutable copy)
   * @throws IOException when the origin fails and no cached copy is within its bound
   */
  public CachedRead open(ObjectKey key, ByteRange range) throws IOException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(range, "range");
    CachedRead read = openOnce(key, range);
    try {
      listener.served(key, read.freshness());
    } catch (RuntimeException e) {
      try {
        read.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return read;
  }

  /** {@inheritDoc} Then drops every cached copy of {@code key}, whatever the outcome. */
  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    ObjectInfo written;
    try {
      written = super.write(key, content, condition);
    } catch (IOException | RuntimeException e) {
      invalidateAfter(key, e);
      throw e;
    }
    store.invalidate(key);
    return written;
  }

  /** {@inheritDoc} Then drops every cached copy of {@code key}, whatever the outcome. */
  @Override
  public void delete(ObjectKey key, WriteCondition condition) throws IOException {
    try {
      super.delete(key, condition);
    } catch (IOException | RuntimeException e) {
      invalidateAfter(key, e);
      throw e;
    }
    store.invalidate(key);
  }

  @Override
  public String toString() {
    return "cache " + directory.root() + " of " + delegate();
  }

  private CachedRead openOnce(ObjectKey key, ByteRange range) throws IOException {
    boolean isImmutable = immutable.test(key);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Entry cached = store.get(key);
      Resolution resolution =
          cached != null && (isImmutable || rules.fresh(cached))
              ? new Cached(cached, rules.hit(cached))
              : store.join(key, flight -> resolve(key, isImmutable, flight));
      if (resolution instanceof Cached c) {
        store.touch(c.entry()); // first, so that a failure leaves no stream open
        Optional<ObjectStream> stream = EntryRead.open(c.entry(), range);
        if (stream.isPresent()) {
          return new CachedRead(stream.get(), c.freshness());
        }
        store.remove(c.entry()); // deleted under us, by another process's eviction or write
      } else if (resolution == Signal.BYPASS) {
        break;
      }
    }
    return new CachedRead(delegate().read(key, range), Freshness.bypass());
  }

  /** The leader's work for a key it found no usable entry for. */
  private Resolution resolve(ObjectKey key, boolean isImmutable, Flights.Flight<Resolution> flight)
      throws IOException {
    Entry cached = store.get(key);
    if (cached != null && (isImmutable || rules.fresh(cached))) {
      return new Cached(cached, rules.hit(cached)); // the flight before this one brought it
    }
    if (!isImmutable) {
      return revalidate(key, cached, flight);
    }
    Optional<Entry> onDisk = directory.probeAny(key); // filled by another process, perhaps
    if (onDisk.isPresent() && store.publish(flight, onDisk.get())) {
      return new Cached(onDisk.get(), rules.hit(onDisk.get()));
    }
    return fetch(key, flight);
  }

  private Resolution revalidate(ObjectKey key, Entry cached, Flights.Flight<Resolution> flight)
      throws IOException {
    Optional<ObjectInfo> current;
    try {
      current = delegate().stat(key);
    } catch (IOException e) {
      Entry stale = rules.staleOrThrow(cached, e);
      return new Cached(stale, rules.stale(stale));
    }
    if (current.isEmpty()) {
      store.forget(key);
      throw new ObjectNotFoundException(key);
    }
    if (cached != null && sameVersion(cached, current.get())) {
      return new Cached(cached, rules.revalidated(cached));
    }
    Optional<Entry> onDisk = directory.probe(key, current.get().versionToken());
    if (onDisk.isPresent() && store.publish(flight, onDisk.get())) {
      return new Cached(onDisk.get(), rules.revalidated(onDisk.get()));
    }
    try {
      return fetch(key, flight);
    } catch (ObjectNotFoundException e) {
      store.forget(key);
      throw e;
    } catch (IOException e) {
      Entry stale = rules.staleOrThrow(cached, e);
      return new Cached(stale, rules.stale(stale));
    }
  }

  private Resolution fetch(ObjectKey key, Flights.Flight<Resolution> flight) throws IOException {
    Instant fetchedAt = rules.clock().instant();
    try (ObjectStream in = delegate().read(key)) {
      if (EntryHeader.length(in.info()) + in.info().size() > maxBytes) {
        return Signal.BYPASS;
      }
      Entry entry;
      try {
        entry = CacheFill.fill(directory, in, fetchedAt);
      } catch (LocalWriteException e) {
        listener.cacheFailed(key, e);
        return Signal.BYPASS;
      }
      if (!store.publish(flight, entry)) {
        directory.delete(entry); // a write of the key overtook this fetch
        return Signal.RETRY;
      }
      return new Cached(entry, Freshness.miss());
    }
  }

  private void invalidateAfter(ObjectKey key, Exception failure) {
    try {
      store.invalidate(key);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static boolean sameVersion(Entry cached, ObjectInfo current) {
    return cached.info().versionToken().equals(current.versionToken());
  }
}
