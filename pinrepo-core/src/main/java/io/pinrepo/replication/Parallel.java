package io.pinrepo.replication;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs one task per item on a bounded pool and waits for all; the first failure cancels the rest.
 */
final class Parallel {
  private Parallel() {}

  /** A task that may fail with an {@link IOException}. */
  @FunctionalInterface
  interface Task<T> {
    void run(T item) throws IOException;
  }

  /** A daemon worker thread, so that a pool left behind never holds the JVM open. */
  static Thread thread(Runnable work) {
    Thread thread = new Thread(work, "pinrepo-replication");
    thread.setDaemon(true);
    return thread;
  }

  static <T> void forEach(ExecutorService pool, List<T> items, Task<T> task) throws IOException {
    List<Future<?>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(
          pool.submit(
              () -> {
                try {
                  task.run(item);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }));
    }
    try {
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(cause);
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while copying");
    }
  }
}
