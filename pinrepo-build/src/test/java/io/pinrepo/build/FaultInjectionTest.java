package io.pinrepo.build;

import static io.pinrepo.build.Builds.WEB;
import static io.pinrepo.build.Builds.web;
import static io.pinrepo.build.Consistency.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.pointer.PointerChange;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.format.Retention;
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
 * completes it. The repository keeps the newest two builds listed; builds 1 and 2 are in the
 * pointer's history, build 0 in nothing.
 */
class FaultInjectionTest {
  private static final PointerName PROD = PointerName.of("prod");
  private static final Duration GRACE = Duration.ofHours(2);

  @TempDir Path dir;

  private ManualClock clock;
  private InMemoryStorage storage;
  private BuildRepository builds;
  private Pointers pointers;

  private void fresh() throws Exception {
    clock = new ManualClock(Instant.parse("2025-01-02T03:04:05.678Z"));
    storage = new InMemoryStorage(clock, 2);
    builds =
        BuildRepository.builder(storage).clock(clock).retention(Retention.keepNewest(2)).build();
    pointers = builds.pointers();
    for (String version : List.of("0", "1", "2", "3")) {
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
      List<String> listed = listed();
      assertTrue(
          listed.equals(List.of("3", "2"))
              || listed.equals(List.of("4", "3", "2"))
              || listed.equals(List.of("4", "3")),
          "step " + k + ": " + listed);
      builds.publish(web("4"));
      assertEquals(List.of("4", "3"), listed(), "step " + k);
      assertConsistent(storage, "publish repeated after step " + k);
    }
    assertTrue(killed >= 6, "hash, read, two files, manifest, marker, list, delete: " + killed);
  }

  @Test
  void aPointerSetKilledAtAnyStepLeavesTheOldOrTheNewPointerWithItsWholeHistory() throws Exception {
    int killed = 0;
    PointerUpdate update =
        PointerUpdate.to(BuildVersion.of("3")).expecting(BuildVersion.of("2")).withNote("go");
    for (int k = 1; ; k++) {
      fresh();
      storage.failOn(Operation.ANY, k);
      try {
        pointers.set(WEB, PROD, update);
        assertEquals(stepsOf(() -> pointers.set(WEB, PROD, update)), killed);
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
    // Read the manifest and rewrite it (a day old: so that GC spares it), read the pointer, stat
    // the previous history entry, write the pointer and the new entry.
    assertEquals(6, killed);
  }

  @Test
  void aGcKilledAtAnyStepLeavesAConsistentRepositoryAndTheNextRunFinishes() throws Exception {
    int killed = 0;
    for (int k = 1; ; k++) {
      fresh();
      GarbageCollector gc = new GarbageCollector(List.of(builds.format()), clock);
      storage.failOn(Operation.ANY, k);
      try {
        gc.run(storage, GRACE, false, info -> {});
        int steps = killed;
        assertEquals(
            stepsOf(
                () ->
                    new GarbageCollector(List.of(builds.format()), clock)
                        .run(storage, GRACE, false, info -> {})),
            steps);
        break;
      } catch (InjectedFaultException e) {
        killed++;
      }
      storage.clearFault();
      assertConsistent(storage, "gc killed at step " + k);
      gc.run(storage, GRACE, false, info -> {});
      gc.run(storage, GRACE, false, info -> {});
      assertFalse(
          storage.keys().stream()
              .anyMatch(key -> key.value().startsWith(BuildLayout.versionPrefix(WEB, v("0")))),
          "build 0 is in nothing: gone");
      for (String kept : List.of("1", "2", "3")) {
        assertTrue(builds.manifest(WEB, v(kept)).isPresent(), kept + " after step " + k);
      }
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
        builds.fetch(WEB, PROD, dest);
        storage.clearFault();
        assertEquals(stepsOf(() -> builds.fetch(WEB, PROD, dir.resolve("clean"))), killed);
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

  private List<String> listed() throws Exception {
    return builds.list(WEB, 100).builds().stream().map(BuildRef::version).toList();
  }

  private static BuildVersion v(String version) {
    return BuildVersion.of(version);
  }
}
