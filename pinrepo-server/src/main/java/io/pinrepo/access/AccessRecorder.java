package io.pinrepo.access;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The stock {@link AccessLog}: sums requests and bytes per (region, key, status) in memory, per
 * period (aligned to the epoch: hourly periods start on the hour), and writes each node's sums of
 * each period as one new object under {@code .pinrepo/access/} of a storage, created with {@link
 * WriteCondition#mustBeAbsent()}. The node's name and the period are in the key, so nodes never
 * write the same object; a node that restarts within a period writes a second object for it (the
 * sequence number in the key counts up past its earlier ones).
 *
 * <p>A period is written once it has ended (a timer fires a second after each boundary, unless
 * {@link AccessRecorderBuilder#flushOnTimer(boolean) turned off}), and whatever is still summed is
 * written by {@link #flush()} and {@link #close()} (the CLI closes it from its SIGTERM hook). A
 * write that fails keeps its sums for the next attempt and is reported to {@link
 * AccessRecorderBuilder#onFailure}. Counts recorded while a flush writes go into the next object:
 * nothing is counted twice or lost, except what a crash (kill -9) finds unwritten.
 *
 * <p>{@link #record} takes a shared lock and updates counters: it never does I/O. Memory grows with
 * the distinct (region, key, status) of a period. Thread-safe.
 */
public final class AccessRecorder implements AccessLog, Closeable {

  private static final int MAX_SEQUENCE_ATTEMPTS = 1000;

  private final Storage storage;
  private final String node;
  private final Duration period;
  private final Clock clock;
  private final Consumer<IOException> onFailure;
  private final ScheduledExecutorService timer;
  private final AtomicInteger sequence = new AtomicInteger();
  private final ReadWriteLock detach = new ReentrantReadWriteLock();
  private final Object writing = new Object();
  private volatile Map<Instant, Map<Tally.Row, Tally>> periods = new ConcurrentHashMap<>();
  private volatile boolean closed;

  AccessRecorder(AccessRecorderBuilder b) {
    this.storage = b.storage;
    this.node = b.node;
    this.period = b.period;
    this.clock = b.clock;
    this.onFailure = b.onFailure;
    if (b.flushOnTimer) {
      this.timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "pinrepo-access-" + node);
                t.setDaemon(true);
                return t;
              });
      scheduleNext();
    } else {
      this.timer = null;
    }
  }

  /** A builder for a recorder that writes into {@code storage}. */
  public static AccessRecorderBuilder builder(Storage storage) {
    return new AccessRecorderBuilder(storage);
  }

  /** The node name in the keys this recorder writes. */
  public String node() {
    return node;
  }

  @Override
  public void record(AccessRecord record) {
    Instant start = startOf(record.time());
    Tally.Row row = new Tally.Row(record.region(), record.key(), record.status());
    detach.readLock().lock();
    try {
      periods
          .computeIfAbsent(start, s -> new ConcurrentHashMap<>())
          .computeIfAbsent(row, r -> new Tally())
          .add(1, record.bytes(), record.time());
    } finally {
      detach.readLock().unlock();
    }
  }

  /**
   * Writes the sums of every period that has ended by the clock; returns the keys written. Failures
   * go to the failure handler and the sums stay for the next flush.
   */
  public List<ObjectKey> flushEnded() {
    Instant current = startOf(clock.instant());
    return write(detach(start -> start.isBefore(current)));
  }

  /**
   * Writes every sum held, the current period's too (as a partial object); returns the keys
   * written. Failures go to the failure handler and the sums stay for the next flush.
   */
  public List<ObjectKey> flush() {
    return write(detach(start -> true));
  }

  /** Stops the timer and {@linkplain #flush() flushes}; later records are still kept in memory. */
  @Override
  public void close() {
    closed = true;
    if (timer != null) {
      timer.shutdownNow();
    }
    flush();
  }

  /** The start of the period {@code time} falls in. */
  Instant startOf(Instant time) {
    long p = period.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), p) * p);
  }

  private Map<Instant, Map<Tally.Row, Tally>> detach(
      java.util.function.Predicate<Instant> whichStarts) {
    detach.writeLock().lock();
    try {
      Map<Instant, Map<Tally.Row, Tally>> taken = new ConcurrentHashMap<>();
      Map<Instant, Map<Tally.Row, Tally>> kept = new ConcurrentHashMap<>();
      periods.forEach((start, rows) -> (whichStarts.test(start) ? taken : kept).put(start, rows));
      periods = kept;
      return taken;
    } finally {
      detach.writeLock().unlock();
    }
  }

  private List<ObjectKey> write(Map<Instant, Map<Tally.Row, Tally>> taken) {
    List<ObjectKey> written = new ArrayList<>();
    synchronized (writing) { // one flush at a time, so sequence numbers are used in order
      for (Map.Entry<Instant, Map<Tally.Row, Tally>> e : taken.entrySet()) {
        try {
          written.add(writeOne(e.getKey(), e.getValue()));
        } catch (IOException | RuntimeException failure) {
          putBack(e.getKey(), e.getValue());
          onFailure.accept(
              failure instanceof IOException io
                  ? io
                  : new IOException("writing access counts: " + failure, failure));
        }
      }
    }
    return written;
  }

  private ObjectKey writeOne(Instant start, Map<Tally.Row, Tally> rows) throws IOException {
    List<AccessFile.Row> out = new ArrayList<>();
    rows.forEach((row, tally) -> out.add(tally.toRow(row)));
    byte[] bytes = AccessFile.render(new AccessFile.Content(node, start, start.plus(period), out));
    for (int attempt = 0; attempt < MAX_SEQUENCE_ATTEMPTS; attempt++) {
      ObjectKey key = AccessFile.keyOf(start, node, sequence.getAndIncrement());
      try {
        storage.write(key, ContentSource.ofBytes(bytes), WriteCondition.mustBeAbsent());
        return key;
      } catch (PreconditionFailedException e) {
        // an earlier run of this node wrote this sequence number for the period: take the next
      }
    }
    throw new IOException(
        "access counts of node "
            + node
            + ": "
            + MAX_SEQUENCE_ATTEMPTS
            + " keys taken for "
            + start);
  }

  private void putBack(Instant start, Map<Tally.Row, Tally> rows) {
    detach.readLock().lock();
    try {
      Map<Tally.Row, Tally> into = periods.computeIfAbsent(start, s -> new ConcurrentHashMap<>());
      rows.forEach(
          (row, tally) -> {
            AccessFile.Row r = tally.toRow(row);
            into.computeIfAbsent(row, x -> new Tally()).add(r.requests(), r.bytes(), r.last());
          });
    } finally {
      detach.readLock().unlock();
    }
  }

  private void scheduleNext() {
    if (closed) {
      return;
    }
    Instant now = clock.instant();
    Instant next = startOf(now).plus(period).plusSeconds(1);
    long delay = Math.max(1, Duration.between(now, next).toMillis());
    try {
      timer.schedule(
          () -> {
            flushEnded();
            scheduleNext();
          },
          delay,
          TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed meanwhile: close() flushes what is left
    }
  }
}
