package io.pinrepo.build;

import static io.pinrepo.build.Builds.WEB;
import static io.pinrepo.build.Builds.web;
import static io.pinrepo.build.Consistency.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.pointer.PointerChange;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.format.Retention;
import io.pinrepo.testkit.faults.DiesAfterWrite;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A writer held at its post-commit write while others commit, which then writes late and dies
 * ({@link DiesAfterWrite}): the objects written after a commit (history entries, listing markers)
 * are write-once, so the late write can only add what its commit recorded, never undo a newer one.
 */
class SlowWriterTest {
  private static final PointerName PROD = PointerName.of("prod");

  private final ManualClock clock = new ManualClock(Instant.parse("2025-01-02T03:04:05.678Z"));
  private final InMemoryStorage storage = new InMemoryStorage(clock, 2);
  private final BuildRepository builds =
      BuildRepository.builder(storage).clock(clock).retention(Retention.keepNewest(2)).build();

  private static BuildVersion v(String version) {
    return BuildVersion.of(version);
  }

  @Test
  void aSetterThatWritesItsHistoryEntryLateAndDiesLeavesAWholeHistory() throws Exception {
    for (String version : List.of("1", "2", "3")) {
      builds.publish(web(version));
      clock.advance(Duration.ofMinutes(1));
    }
    builds.pointers().set(WEB, PROD, PointerUpdate.to(v("1")));
    DiesAfterWrite slow =
        new DiesAfterWrite(
            storage,
            BuildLayout.historyEntry(WEB, PROD, 2),
            () -> {
              builds.pointers().set(WEB, PROD, PointerUpdate.to(v("3")).withNote("meanwhile"));
              builds.pointers().set(WEB, PROD, PointerUpdate.to(v("1")).withNote("and again"));
            });
    BuildRepository slowBuilds = BuildRepository.builder(slow).clock(clock).build();
    slowBuilds.pointers().set(WEB, PROD, PointerUpdate.to(v("2")).withNote("slow"));
    assertTrue(slow.dead());
    List<PointerChange> history = builds.pointers().history(WEB, PROD, 10);
    assertEquals(
        List.of("and again", "meanwhile", "slow", ""),
        history.stream().map(PointerChange::note).toList());
    assertEquals(v("1"), builds.pointers().read(WEB, PROD).orElseThrow().version());
    assertConsistent(storage, "after the slow setter died");
  }

  @Test
  void aPublisherThatWritesItsMarkerLateAndDiesLeavesAConsistentListing() throws Exception {
    builds.publish(web("1"));
    clock.advance(Duration.ofMinutes(1));
    Instant slowTime = clock.instant();
    DiesAfterWrite slow =
        new DiesAfterWrite(
            storage,
            BuildLayout.marker(WEB, slowTime, v("2")),
            () -> {
              for (String version : List.of("3", "4")) {
                clock.advance(Duration.ofMinutes(1));
                builds.publish(web(version));
              }
            });
    BuildRepository slowBuilds =
        BuildRepository.builder(slow).clock(clock).retention(Retention.keepNewest(2)).build();
    assertThrows(InjectedFaultException.class, () -> slowBuilds.publish(web("2")));
    assertConsistent(storage, "after the slow publisher died");
    assertEquals(
        List.of("4", "3", "2"), listed(), "its late marker is kept until the next publish");
    clock.advance(Duration.ofMinutes(1));
    builds.publish(web("5"));
    assertEquals(List.of("5", "4"), listed());
    assertConsistent(storage, "after the next publish");
  }

  private List<String> listed() throws Exception {
    return builds.list(WEB, 100).builds().stream().map(BuildRef::version).toList();
  }
}
