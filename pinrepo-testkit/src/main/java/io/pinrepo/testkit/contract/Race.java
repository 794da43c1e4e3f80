package io.pinrepo.testkit.contract;

import io.pinrepo.spi.ObjectInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Starts N writers at once (behind a gate, without sleeping) and collects how each ended. */
final class Race {
  private Race() {}

  /** One writer's move; returns the info of what it wrote. */
  @FunctionalInterface
  interface Writer {
    ObjectInfo write(int writer) throws Exception;
  }

  /** How one writer ended: it won with {@code info}, or failed with {@code failure}. */
  record Outcome(int writer, ObjectInfo info, Optional<Throwable> failure) {
    boolean won() {
      return failure.isEmpty();
    }
  }

  static List<Outcome> run(int writers, Writer move) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch ready = new CountDownLatch(writers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        int writer = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  try {
                    return new Outcome(writer, move.write(writer), Optional.empty());
                  } catch (Exception e) {
                    return new Outcome(writer, null, Optional.of(e));
                  }
                }));
      }
      ready.await();
      go.countDown();
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
