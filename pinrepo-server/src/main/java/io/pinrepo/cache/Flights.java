package io.pinrepo.cache;

import io.pinrepo.parallel.Parallel;
import io.pinrepo.spi.ObjectKey;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Single flight per key within this process: while one caller (the leader) works out a key, every
 * other caller for that key waits for the leader's result (or failure) instead of asking the origin
 * again. A write through the cache marks the key's flight invalidated so its result is not kept.
 *
 * @param <R> the result
 */
final class Flights<R> {

  /** One key's work in progress. */
  static final class Flight<R> {
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private volatile boolean invalidated;

    /** Whether a write or delete of the key happened since the flight began. */
    boolean invalidated() {
      return invalidated;
    }
  }

  /** The leader's work. */
  @FunctionalInterface
  interface Work<R> {
    R run(Flight<R> flight) throws IOException;
  }

  private final ConcurrentHashMap<ObjectKey, Flight<R>> inFlight = new ConcurrentHashMap<>();

  /** Runs {@code work} for {@code key} unless a flight for it is running, then waits for that. */
  R join(ObjectKey key, Work<R> work) throws IOException {
    Flight<R> mine = new Flight<>();
    Flight<R> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return await(key, running);
    }
    try {
      R result = work.run(mine);
      mine.result.complete(result);
      return result;
    } catch (IOException | RuntimeException | Error e) {
      mine.result.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /** Marks the running flight for {@code key}, if any, as invalidated. */
  void invalidate(ObjectKey key) {
    Flight<R> running = inFlight.get(key);
    if (running != null) {
      running.invalidated = true;
    }
  }

  private R await(ObjectKey key, Flight<R> running) throws IOException {
    try {
      return running.result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for the fetch of " + key);
    } catch (ExecutionException e) {
      // the leader's own exception, so that callers can branch on its type (not-found, ...)
      throw Parallel.failure(e.getCause(), "fetching " + key);
    }
  }
}
