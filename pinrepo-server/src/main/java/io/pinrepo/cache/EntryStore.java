package io.pinrepo.cache;

import io.pinrepo.spi.ObjectKey;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The entries a cache serves: the in-memory LRU index over the cache directory, the flights that
 * fill it, and the one lock that orders a fill's publication against a write's invalidation (a fill
 * that a write overtook is never published). Deletes the files of what it drops. Thread-safe.
 *
 * <p>A hit stamps its file's modification time so that a restart recovers the LRU order, but only
 * when at least 1% of the entries (at least one) were stamped since the entry's last stamp: a hot
 * key served over and over costs no write, and the order a restart recovers is off by at most 1% of
 * the entries.
 */
final class EntryStore {

  private final CacheDirectory directory;
  private final LruIndex index;
  private final Flights<Resolution> flights = new Flights<>();
  private final CacheListener listener;
  private final AtomicLong touches = new AtomicLong();

  EntryStore(CacheDirectory directory, long maxBytes, CacheListener listener) {
    this.directory = directory;
    this.index = new LruIndex(maxBytes);
    this.listener = listener;
  }

  /** The key's entry, now the most recently used; null when there is none. */
  Entry get(ObjectKey key) {
    return index.get(key);
  }

  /** Stamps {@code entry}'s file as used now, unless it was stamped recently; see the type. */
  void touch(Entry entry) throws IOException {
    long since = touches.get() - entry.lastTouch();
    if (since >= Math.max(1, index.size() / 100)) {
      directory.touch(entry.file());
      entry.touched(touches.incrementAndGet());
    }
  }

  /** Forgets {@code entry} if it is still the key's entry (its file is gone). */
  void remove(Entry entry) {
    index.remove(entry);
  }

  /** The bytes of every entry's file. */
  long bytes() {
    return index.bytes();
  }

  /** Runs {@code work} for {@code key}, or waits for the flight already running it. */
  Resolution join(ObjectKey key, Flights.Work<Resolution> work) throws IOException {
    return flights.join(key, work);
  }

  /**
   * Makes {@code entry} the key's entry unless a write invalidated {@code flight} meanwhile, then
   * deletes the files it displaced. Returns whether it was published.
   */
  boolean publish(Flights.Flight<Resolution> flight, Entry entry) throws IOException {
    LruIndex.Displaced displaced;
    synchronized (index) {
      if (flight.invalidated()) {
        return false;
      }
      displaced = index.put(entry);
    }
    entry.touched(touches.incrementAndGet()); // a fill stamped its file; a taken-up file is close
    discard(entry, displaced);
    return true;
  }

  /** Takes up an entry found on disk when the cache opens. */
  void admit(Entry entry) throws IOException {
    entry.touched(touches.incrementAndGet());
    discard(entry, index.put(entry));
  }

  /** Drops every copy of {@code key}, on disk too, and spoils a fill of it under way. */
  void invalidate(ObjectKey key) throws IOException {
    synchronized (index) {
      flights.invalidate(key);
      index.remove(key);
    }
    directory.deleteAll(key);
  }

  /** The origin has no object under {@code key}: drops what the cache holds of it. */
  void forget(ObjectKey key) throws IOException {
    if (index.remove(key) != null) {
      directory.deleteAll(key);
    }
  }

  private void discard(Entry kept, LruIndex.Displaced displaced) throws IOException {
    Entry replaced = displaced.replaced();
    if (replaced != null && !replaced.file().equals(kept.file())) {
      directory.delete(replaced);
    }
    for (Entry evicted : displaced.evicted()) {
      directory.delete(evicted);
      listener.evicted(evicted.key(), evicted.fileBytes());
    }
  }
}
