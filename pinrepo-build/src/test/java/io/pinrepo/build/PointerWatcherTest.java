package io.pinrepo.build;

import static io.pinrepo.build.PointersTest.PROD;
import static io.pinrepo.build.PointersTest.WEB;
import static io.pinrepo.build.PointersTest.build;
import static io.pinrepo.build.PointersTest.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class PointerWatcherTest {
  private final InMemoryStorage storage = new InMemoryStorage();
  private final Pointers pointers = BuildRepository.on(storage).pointers();

  private void publish(String... versions) throws Exception {
    for (String version : versions) {
      BuildRepository.on(storage).publish(build(version));
    }
  }

  @Test
  void anUnchangedPointerCostsOneStatPerPoll() throws Exception {
    publish("1", "2");
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")));
    PointerWatcher watcher = pointers.watcher(WEB, PROD).build();
    assertEquals(v("1"), watcher.poll().orElseThrow().version());
    storage.resetCounts();
    for (int i = 0; i < 10; i++) {
      assertEquals(Optional.empty(), watcher.poll());
    }
    assertEquals(10, storage.count(Operation.STAT));
    assertEquals(10, storage.count(Operation.ANY));
    pointers.set(WEB, PROD, PointerUpdate.to(v("2")));
    storage.resetCounts();
    assertEquals(v("2"), watcher.poll().orElseThrow().version());
    assertEquals(1, storage.count(Operation.STAT));
    assertEquals(1, storage.count(Operation.READ));
  }

  @Test
  void reportsAPointerThatIsSetAfterTheWatchStarted() throws Exception {
    publish("1");
    PointerWatcher watcher = pointers.watcher(WEB, PROD).build();
    assertEquals(Optional.empty(), watcher.poll());
    assertEquals(Optional.empty(), watcher.poll());
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")));
    assertEquals(v("1"), watcher.poll().orElseThrow().version());
    assertEquals(v("1"), watcher.current().orElseThrow().version());
  }

  @Test
  void runReportsTheStartAndEachChangeWaitingJitteredIntervals() throws Exception {
    publish("1", "2", "3");
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")));
    List<Duration> waits = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    PointerWatcher watcher =
        pointers
            .watcher(WEB, PROD)
            .interval(Duration.ofSeconds(10))
            .jitter(0.5)
            .sleeper(
                d -> {
                  waits.add(d);
                  // a change lands while the watcher waits, every third wait
                  if (waits.size() % 3 == 0) {
                    try {
                      String next = waits.size() == 3 ? "2" : "3";
                      pointers.set(WEB, PROD, PointerUpdate.to(v(next)));
                    } catch (java.io.IOException e) {
                      throw new AssertionError(e);
                    }
                  }
                })
            .build();
    for (int i = 0; i < 3; i++) {
      seen.add(watcher.awaitChange().version().value());
    }
    assertEquals(List.of("1", "2", "3"), seen);
    assertEquals(6, waits.size());
    for (Duration d : waits) {
      assertTrue(
          d.compareTo(Duration.ofSeconds(5)) >= 0 && d.compareTo(Duration.ofSeconds(15)) <= 0,
          d.toString());
    }
  }

  @Test
  void aFailedPollIsReportedAndPollingGoesOn() throws Exception {
    publish("1");
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")));
    List<String> failures = new ArrayList<>();
    PointerWatcher watcher =
        pointers
            .watcher(WEB, PROD)
            .sleeper(d -> {})
            .onFailure(e -> failures.add(e.getMessage()))
            .build();
    storage.failOn(Operation.STAT, 1);
    assertEquals(v("1"), watcher.awaitChange().version());
    assertEquals(List.of("injected fault on stat builds/web/pointers/prod/current.json"), failures);
  }

  @Test
  void aRealThreadSeesAChangeOnItsNextPoll() throws Exception {
    publish("1", "2");
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")));
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    PointerWatcher watcher = pointers.watcher(WEB, PROD).interval(Duration.ofMillis(20)).build();
    Thread t =
        new Thread(
            () -> {
              try {
                watcher.run(state -> lines.add(state.version().value()));
              } catch (InterruptedException e) {
                lines.add("stopped");
              }
            });
    t.start();
    assertEquals("1", lines.take());
    pointers.set(WEB, PROD, PointerUpdate.to(v("2")));
    assertEquals("2", lines.take());
    t.interrupt();
    assertEquals("stopped", lines.take());
    t.join();
  }
}
