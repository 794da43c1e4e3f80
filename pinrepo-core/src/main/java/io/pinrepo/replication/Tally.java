package io.pinrepo.replication;

import io.pinrepo.format.LiveObject;
import io.pinrepo.spi.ObjectKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What a run has copied and considered, over all its rounds: an object is counted as copied once
 * however many rounds write it, and as skipped when no round had to. Thread-safe.
 */
final class Tally {
  private final Set<ObjectKey> seen = ConcurrentHashMap.newKeySet();
  private final Set<ObjectKey> copied = ConcurrentHashMap.newKeySet();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();
  private final Consumer<Transfer> progress;

  Tally(Consumer<Transfer> progress) {
    this.progress = progress;
  }

  /** {@code key} was considered. */
  void seen(ObjectKey key) {
    seen.add(key);
  }

  /** {@code key} was written (or, in a dry run, would be), {@code size} bytes, -1 if unknown. */
  void copied(ObjectKey key, LiveObject.Role role, long size) {
    seen.add(key);
    copied.add(key);
    if (size > 0) {
      bytes.addAndGet(size);
    }
    synchronized (progress) {
      progress.accept(new Transfer(key, role, Transfer.Action.COPY, size));
    }
  }

  /** {@code key} was deleted (or would be). */
  void deleted(ObjectKey key, long size) {
    deleted.incrementAndGet();
    synchronized (progress) {
      progress.accept(new Transfer(key, LiveObject.Role.BLOB, Transfer.Action.DELETE, size));
    }
  }

  long copiedCount() {
    return copied.size();
  }

  long skippedCount() {
    return seen.size() - copied.size();
  }

  long bytes() {
    return bytes.get();
  }

  long deletedCount() {
    return deleted.get();
  }
}
