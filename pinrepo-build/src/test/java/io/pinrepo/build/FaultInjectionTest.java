package io.pinrepo.build;

import static io.pinrepo.build.Builds.WEB;
import static io.pinrepo.build.Builds.web;
import static io.pinrepo.build.Consistency.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.fetch.BuildFetcher;
import io.pinrepo.build.format.BuildFormat;
import io.pinrepo.build.format.BuildRetention;
import io.pinrepo.build.pointer.PointerChange;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.build.pointer.Pointers;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.gc.GarbageCollector;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.testkit.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills each operation at every storage step in turn ({@link InMemoryStorage#failOn}): whatever
 * step dies, verify finds nothing wrong, what was there before is intact, and doing it again
 * completes it.
 */
class FaultInjectionTest {
  private static final PointerName PROD = PointerName.of("prod");

  @TempDir Path dir;

  private ManualClock clock;
  private InMemoryStorage storage;
  private BuildRepository builds;
  private Pointers pointers;

  private void fresh() throws Exception {
    clock = new ManualClock(Instant.parse("2025-01-02T03:04:05.678Z"));
    storage = new InMemoryStorage(clock, 2);
    builds = BuildRepository.on(storage, clock);
    pointers = Pointers.on(storage, clock, RetryPolicy.DEFAULT);
    for (String version : List.of("1", "2", "3")) {
      builds.publish(web(version));
      clock.advance(Duration.ofMinutes(1));
    }
    pointers.set(WEB, PROD, PointerUpdate.to(BuildVersion.of("1")));
    pointers.set(WEB, PROD, PointerUpdate.to(BuildVersion.of("2")));
    clock.advance(Duration.ofDays(1));
  }

  @Test
  void aPublishKilledAtAnyStepLeavesNoPartialBuildAndCanBeRepeated() throws Exception {
    int killed = 0;
    for (int k = 1; ; k++) {
      fresh();
      storage.failOn(Operation.ANY, k);
      try {
        builds.publish(web("4"));
        assertEquals(stepsOf(() -> builds.publish(web("4"))), killed);
        break;
      } catch (InjectedFaultException e) {
        killed++;
      }
      storage.clearFault();
      assertConsistent(storage, "publish killed at step " + k);
      assertEquals(List.of("3", "2", "1"), listedOlder(), "step " + k);
      builds.publish(web("4"));
      assertEquals("4", builds.list(WEB, 1).builds().get(0).version().value(), "step " + k);
      assertConsistent(storage, "publish repeated after step " + k);
    }
  }

  @Test
  void aPointerSetKilledAtAnyStepLeavesTheOldOrTheNewPointerWithItsWholeHistory() throws Exception {
    int killed = 0;
    for (int k = 1; ; k++) {
      fresh();
      storage.failOn(Operation.ANY, k);
      try {
        pointers.set(
            WEB,
            PROD,
            PointerUpdate.to(BuildVersion.of("3")).expecting(BuildVersion.of("2")).withNote("go"));
        assertEquals(
            stepsOf(
                () ->
                    pointers.set(
                        WEB,
                        PROD,
                        PointerUpdate.to(BuildVersion.of("3"))
                            .expecting(BuildVersion.of("2"))
                            .withNote("go"))),
            killed);
        break;
      } catch (InjectedFaultException e) {
        killed++;
      }
      storage.clearFault();
      String now = pointers.read(WEB, PROD).orElseThrow().version().value();
      assertTrue(now.equals("2") || now.equals("3"), "step " + k + ": " + now);
      assertConsistent(storage, "set killed at step " + k);
      pointers.set(WEB, PROD, PointerUpdate.to(BuildVersion.of("3")).withNote("go"));
      List<PointerChange> history = pointers.history(WEB, PROD, 10);
      assertEquals(
          List.of("3", "2", "1"), history.stream().map(c -> c.to().value()).toList(), "step " + k);
      assertConsistent(storage, "set repeated after step " + k);
      // The next change writes any entry the killed one left out.
      pointers.set(WEB, PROD, PointerUpdate.to(BuildVersion.of("1")));
      for (long seq = 1; seq <= 3; seq++) {
        assertTrue(storage.peek(BuildLayout.historyEntry(WEB, PROD, seq)).isPresent());
      }
    }
  }

  @Test
  void aGcKilledAtAnyStepLeavesAConsistentRepositoryAndTheNextRunFinishes() throws Exception {
    int killed = 0;
    for (int k = 1; ; k++) {
      fresh();
      BuildFormat format =
          new BuildFormat().withRetention(BuildRetention.keepNewest(1)).withClock(clock);
      GarbageCollector gc = new GarbageCollector(List.of(format), clock);
      storage.failOn(Operation.ANY, k);
      try {
        gc.run(storage, Duration.ofHours(2), false, info -> {});
        int steps = killed;
        assertEquals(
            stepsOf(
                () ->
                    new GarbageCollector(List.of(format), clock)
                        .run(storage, Duration.ofHours(2), false, info -> {})),
            steps);
        break;
      } catch (InjectedFaultException e) {
        killed++;
      }
      storage.clearFault();
      assertConsistent(storage, "gc killed at step " + k);
      gc.run(storage, Duration.ofHours(2), false, info -> {});
      gc.run(storage, Duration.ofHours(2), false, info -> {});
      assertEquals(List.of("3", "2", "1"), listedOlder(), "pointer history keeps 1 and 2");
      assertConsistent(storage, "gc repeated after step " + k);
    }
  }

  @Test
  void aFetchKilledAtAnyStepLeavesTheDestinationUntouched() throws Exception {
    fresh();
    int killed = 0;
    for (int k = 1; ; k++) {
      Path dest = dir.resolve("dest-" + k);
      storage.failOn(Operation.ANY, k);
      try {
        BuildFetcher.on(storage).fetch(WEB, PROD, dest);
        storage.clearFault();
        assertEquals(
            stepsOf(() -> BuildFetcher.on(storage).fetch(WEB, PROD, dir.resolve("clean"))), killed);
        break;
      } catch (InjectedFaultException e) {
        killed++;
        storage.clearFault();
        assertFalse(Files.exists(dest));
        try (Stream<Path> left = Files.list(dir)) {
          assertEquals(
              Optional.empty(),
              left.filter(p -> p.getFileName().toString().contains("pinrepo")).findAny());
        }
      }
    }
  }

  /** A step of the operation under test. */
  interface Step {
    void run() throws Exception;
  }

  /** How many storage operations {@code step} makes, run on a fresh repository. */
  private long stepsOf(Step step) throws Exception {
    fresh();
    storage.resetCounts();
    step.run();
    return storage.count(Operation.ANY);
  }

  private List<String> listedOlder() throws Exception {
    return builds.list(WEB, 100).builds().stream()
        .map(b -> b.version().value())
        .filter(v -> !v.equals("4"))
        .toList();
  }
}
