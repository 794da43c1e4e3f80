package io.pinrepo.cache;

import io.pinrepo.spi.ObjectKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries this process serves, least recently used first, and their bytes on disk. One entry
 * per key. Thread-safe: every method synchronises on this index, and callers that must combine a
 * check with a change (publishing a fetch unless it was invalidated) hold the same monitor.
 */
final class LruIndex {

  /** What {@link #put} displaced: the key's previous entry (if any) and the evicted entries. */
  record Displaced(Entry replaced, List<Entry> evicted) {}

  private final Map<ObjectKey, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private final long maxBytes;
  private long bytes;

  LruIndex(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The entry for {@code key}, now the most recently used; null when there is none. */
  synchronized Entry get(ObjectKey key) {
    return entries.get(key);
  }

  /**
   * Makes {@code entry} the key's entry and the most recently used, then evicts least recently used
   * entries until the bytes fit the bound again (never {@code entry} itself).
   */
  synchronized Displaced put(Entry entry) {
    Entry replaced = entries.put(entry.key(), entry);
    if (replaced != null) {
      bytes -= replaced.fileBytes();
    }
    bytes += entry.fileBytes();
    List<Entry> evicted = new ArrayList<>();
    Iterator<Entry> eldest = entries.values().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      Entry next = eldest.next();
      if (next != entry) {
        eldest.remove();
        bytes -= next.fileBytes();
        evicted.add(next);
      }
    }
    return new Displaced(replaced, evicted);
  }

  /** Removes the key's entry; returns it, or null when there was none. */
  synchronized Entry remove(ObjectKey key) {
    Entry removed = entries.remove(key);
    if (removed != null) {
      bytes -= removed.fileBytes();
    }
    return removed;
  }

  /** Removes the key's entry if it is {@code entry}. */
  synchronized boolean remove(Entry entry) {
    if (entries.get(entry.key()) != entry) { // get() touches, but the entry is going anyway
      return false;
    }
    entries.remove(entry.key());
    bytes -= entry.fileBytes();
    return true;
  }

  /** The bytes on disk of every entry. */
  synchronized long bytes() {
    return bytes;
  }

  /** How many entries there are. */
  synchronized int size() {
    return entries.size();
  }
}
