package io.pinrepo.parallel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Runs one task per item on a bounded pool and waits for all; the first failure cancels the rest
 * and is thrown as the task threw it.
 */
public final class Parallel {
  private Parallel() {}

  /** A task that may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface Task<T> {
    /** Works on {@code item}. */
    void run(T item) throws IOException;
  }

  /** A task with a result that may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface Work<T, R> {
    /** The result for {@code item}. */
    R apply(T item) throws IOException;
  }

  /** Daemon threads named {@code name}, so that a pool left behind never holds the JVM open. */
  public static ThreadFactory daemonThreads(String name) {
    return work -> {
      Thread thread = new Thread(work, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Runs {@code task} on every item, on {@code pool}, and waits for all. */
  public static <T> void forEach(ExecutorService pool, List<T> items, Task<T> task)
      throws IOException {
    map(
        pool,
        items,
        item -> {
          task.run(item);
          return null;
        });
  }

  /** The results of {@code work} on every item, made on {@code pool}, in the items' order. */
  public static <T, R> List<R> map(ExecutorService pool, List<T> items, Work<T, R> work)
      throws IOException {
    List<Future<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(
          pool.submit(
              () -> {
                try {
                  return work.apply(item);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }));
    }
    List<R> results = new ArrayList<>(items.size());
    try {
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause(); // how a task's IOException left it
      }
      throw failure(e.getCause(), "parallel work");
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for parallel work");
    }
  }

  /**
   * What to throw for work done elsewhere that failed with {@code cause} (a future's, unwrapped of
   * any {@link CompletionException} or {@link ExecutionException}): an {@link IOException} as it
   * was thrown, so that callers can branch on its type; a {@link RuntimeException} or {@link Error}
   * is thrown from here as it was; anything else is wrapped, saying that {@code what} failed.
   */
  public static IOException failure(Throwable cause, String what) {
    Throwable thrown = cause;
    while ((thrown instanceof CompletionException || thrown instanceof ExecutionException)
        && thrown.getCause() != null) {
      thrown = thrown.getCause();
    }
    if (thrown instanceof IOException io) {
      return io;
    }
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    return new IOException(what + " failed", thrown);
  }
}
