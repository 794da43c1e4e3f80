package io.pinrepo.build;

import static io.pinrepo.build.Builds.WEB;
import static io.pinrepo.build.Builds.web;
import static io.pinrepo.build.Consistency.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.pointer.PointerChange;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerState;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.memory.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Threads publishing and moving pointers at once on one in-memory storage, with and without a fault
 * killing one of their storage operations: no reported change is lost, the history is one unbroken
 * chain, and verify finds nothing wrong.
 */
class ConcurrencyTest {
  private static final PointerName PROD = PointerName.of("prod");
  private static final RetryPolicy FAST =
      new RetryPolicy(1000, Duration.ofNanos(1000), Duration.ofMillis(1));

  private final InMemoryStorage storage = new InMemoryStorage();
  private final BuildRepository builds = BuildRepository.builder(storage).retryPolicy(FAST).build();
  private final Pointers pointers = builds.pointers();

  /** Runs every task at once from its own thread; returns their results or failures in order. */
  private static <T> List<Future<T>> together(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      for (Future<T> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          // inspected by the caller
        }
      }
      return futures;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentPublishesOfOneNameAreAllListedAndOneVersionHasOneWinner() throws Exception {
    List<Callable<String>> tasks = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int thread = t;
      tasks.add(
          () -> {
            for (int i = 0; i < 10; i++) {
              builds.publish(web(thread + "." + i));
            }
            return "ok";
          });
    }
    for (int t = 0; t < 4; t++) {
      String content = t < 2 ? "same" : "other " + t;
      tasks.add(
          () -> builds.publish(web("contested", "app", content)).committed() ? "won" : "again");
    }
    List<Future<String>> results = together(tasks);
    int won = 0;
    int refused = 0;
    for (Future<String> f : results.subList(6, 10)) {
      if (f.isDone() && !failed(f)) {
        won += f.get().equals("won") ? 1 : 0;
      } else {
        refused++;
        assertTrue(cause(f) instanceof BuildConflictException, cause(f).toString());
      }
    }
    assertEquals(1, won);
    assertTrue(refused >= 2, "other content is refused: " + refused);
    Set<String> listed = new HashSet<>();
    BuildPage page = builds.list(WEB, 1000);
    page.builds().forEach(b -> listed.add(b.version()));
    assertEquals(61, listed.size());
    assertConsistent(storage, "after the concurrent publishes");
  }

  @Test
  void racingCompareAndSwapSettersLoseNoUpdate() throws Exception {
    for (int i = 0; i < 4; i++) {
      builds.publish(web(Integer.toString(i)));
    }
    pointers.set(WEB, PROD, PointerUpdate.to(BuildVersion.of("0")));
    ConcurrentLinkedQueue<String> wins = new ConcurrentLinkedQueue<>();
    AtomicInteger moved = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      tasks.add(
          () -> {
            for (int i = 0; i < 15; i++) {
              PointerState now = pointers.read(WEB, PROD).orElseThrow();
              BuildVersion next =
                  BuildVersion.of(
                      Integer.toString((Integer.parseInt(now.version().value()) + 1) % 4));
              try {
                pointers.set(WEB, PROD, PointerUpdate.to(next).expecting(now.version()));
                wins.add(now.version() + "->" + next);
              } catch (PointerMovedException e) {
                moved.incrementAndGet();
              }
            }
            return null;
          });
    }
    for (Future<Void> f : together(tasks)) {
      f.get();
    }
    PointerState end = pointers.read(WEB, PROD).orElseThrow();
    assertEquals(1 + wins.size(), end.seq());
    assertEquals(6 * 15, wins.size() + moved.get());
    List<PointerChange> history = pointers.history(WEB, PROD, 1000);
    assertEquals(end.seq(), history.size());
    List<String> changes = new ArrayList<>();
    for (PointerChange c : history.subList(0, history.size() - 1)) {
      changes.add(c.from().orElseThrow() + "->" + c.to());
    }
    assertEquals(sorted(wins), sorted(changes));
    assertConsistent(storage, "after the racing setters");
  }

  @Test
  void settersAndPublishersKilledMidwayLeaveAConsistentRepository() throws Exception {
    for (int i = 0; i < 3; i++) {
      builds.publish(web("base" + i));
    }
    pointers.set(WEB, PROD, PointerUpdate.to(BuildVersion.of("base0")));
    for (int k = 1; k <= 120; k += 7) {
      storage.failOn(Operation.ANY, k);
      int round = k;
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        String version = "base" + t;
        tasks.add(
            () -> {
              pointers.set(WEB, PROD, PointerUpdate.to(BuildVersion.of(version)));
              return null;
            });
        tasks.add(
            () -> {
              builds.publish(web("r" + round + "t" + version));
              return null;
            });
      }
      for (Future<Void> f : together(tasks)) {
        if (failed(f)) {
          assertTrue(cause(f) instanceof InjectedFaultException, cause(f).toString());
        }
      }
      storage.clearFault();
      assertConsistent(storage, "round " + k);
    }
    Optional<PointerState> end = pointers.read(WEB, PROD);
    assertEquals(end.orElseThrow().seq(), pointers.history(WEB, PROD, 10_000).size());
  }

  private static List<String> sorted(java.util.Collection<String> items) {
    List<String> list = new ArrayList<>(items);
    list.sort(null);
    return list;
  }

  private static boolean failed(Future<?> f) {
    try {
      f.get();
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  private static Throwable cause(Future<?> f) {
    try {
      f.get();
      return new AssertionError("did not fail");
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      return e;
    }
  }
}
