package io.pinrepo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildPath;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.NewBuild;
import io.pinrepo.build.pointer.PointerChange;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerSetResult;
import io.pinrepo.build.pointer.PointerState;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading, setting and the history of pointers, on the in-memory storage. */
class PointersTest {
  static final BuildName WEB = BuildName.of("web");
  static final PointerName PROD = PointerName.of("prod");

  private final ManualClock clock = new ManualClock(Instant.parse("2025-01-02T03:04:05.678Z"));
  private final InMemoryStorage storage = new InMemoryStorage(clock, 1000);
  private final BuildRepository builds = BuildRepository.builder(storage).clock(clock).build();
  private final Pointers pointers = builds.pointers();

  static BuildVersion v(String version) {
    return BuildVersion.of(version);
  }

  static NewBuild build(String version) {
    return NewBuild.builder(WEB, v(version))
        .file("app", ContentSource.ofUtf8("app " + version))
        .build();
  }

  @BeforeEach
  void publish() throws Exception {
    for (String version : List.of("1", "2", "3")) {
      builds.publish(build(version));
    }
  }

  @Test
  void readsWhatWasSetWithAToken() throws Exception {
    assertEquals(Optional.empty(), pointers.read(WEB, PROD));
    PointerSetResult set = pointers.set(WEB, PROD, PointerUpdate.to(v("1")).withNote("first"));
    assertTrue(set.changed());
    PointerState read = pointers.read(WEB, PROD).orElseThrow();
    assertEquals(set.state(), read);
    assertEquals(v("1"), read.version());
    assertEquals(1, read.seq());
    assertEquals(Optional.empty(), read.lastChange().from());
    assertEquals("first", read.lastChange().note());
    assertEquals(clock.instant(), read.lastChange().time());
    assertEquals(
        builds.read(WEB, v("1")).orElseThrow().sha256(), read.lastChange().manifestSha256());
    pointers.set(WEB, PROD, PointerUpdate.to(v("2")));
    assertNotEquals(read.versionToken(), pointers.read(WEB, PROD).orElseThrow().versionToken());
  }

  @Test
  void everyChangeIsInTheHistoryAndRollbackIsASetToAnEarlierVersion() throws Exception {
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")).withNote("launch"));
    clock.advance(Duration.ofMinutes(1));
    pointers.set(WEB, PROD, PointerUpdate.to(v("2")).withNote("release"));
    clock.advance(Duration.ofMinutes(1));
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")).expecting(v("2")).withNote("rollback"));
    List<PointerChange> history = pointers.history(WEB, PROD, 10);
    assertEquals(List.of(3L, 2L, 1L), history.stream().map(PointerChange::seq).toList());
    assertEquals(
        List.of("rollback", "release", "launch"),
        history.stream().map(PointerChange::note).toList());
    assertEquals(Optional.of(v("2")), history.get(0).from());
    assertEquals(v("1"), history.get(0).to());
    assertEquals(Optional.of(v("1")), history.get(1).from());
    assertEquals(2, pointers.history(WEB, PROD, 2).size());
  }

  @Test
  void aSetExpectingAnotherVersionIsRefusedAndChangesNothing() throws Exception {
    pointers.set(WEB, PROD, PointerUpdate.to(v("2")));
    Map<String, byte[]> before = storage.snapshot();
    PointerMovedException e =
        assertThrows(
            PointerMovedException.class,
            () -> pointers.set(WEB, PROD, PointerUpdate.to(v("3")).expecting(v("1"))));
    assertEquals("web prod points at 2, not 1 as expected: someone else moved it", e.getMessage());
    assertEquals(Optional.of(v("2")), e.actual());
    assertEquals(before.keySet(), storage.snapshot().keySet());
    assertThrows(
        PointerMovedException.class,
        () -> pointers.set(WEB, PointerName.of("new"), PointerUpdate.to(v("3")).expecting(v("1"))));
  }

  @Test
  void aPointerMayOnlyNameACompleteBuild() throws Exception {
    NoSuchBuildException missing =
        assertThrows(
            NoSuchBuildException.class, () -> pointers.set(WEB, PROD, PointerUpdate.to(v("9"))));
    assertEquals("no build web 9", missing.getMessage());
    storage.write(
        BuildLayout.file(WEB, v("4"), BuildPath.of("app")),
        ContentSource.ofUtf8("half"),
        WriteCondition.none());
    NoSuchBuildException incomplete =
        assertThrows(
            NoSuchBuildException.class, () -> pointers.set(WEB, PROD, PointerUpdate.to(v("4"))));
    assertTrue(incomplete.getMessage().contains("incomplete"), incomplete.getMessage());
    assertEquals(Optional.empty(), pointers.read(WEB, PROD));
  }

  @Test
  void settingTheCurrentVersionAgainIsANoOp() throws Exception {
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")));
    Map<String, byte[]> before = storage.snapshot();
    PointerSetResult again = pointers.set(WEB, PROD, PointerUpdate.to(v("1")).withNote("again"));
    assertFalse(again.changed());
    assertEquals(1, again.state().seq());
    assertEquals(before.keySet(), storage.snapshot().keySet());
  }

  @Test
  void aSetterThatDiedAfterItsCommitLosesNoHistory() throws Exception {
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")));
    pointers.set(WEB, PROD, PointerUpdate.to(v("2")));
    // As if the second setter died before writing its history entry:
    storage.delete(BuildLayout.historyEntry(WEB, PROD, 2), WriteCondition.none());
    assertEquals(List.of(2L, 1L), seqs(pointers.history(WEB, PROD, 10)));
    pointers.set(WEB, PROD, PointerUpdate.to(v("3")));
    assertTrue(storage.peek(BuildLayout.historyEntry(WEB, PROD, 2)).isPresent());
    assertEquals(List.of(3L, 2L, 1L), seqs(pointers.history(WEB, PROD, 10)));
  }

  @Test
  void historyEntriesAreCopiesOfThePointerAsEachChangeWroteIt() throws Exception {
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")));
    byte[] top = storage.peek(BuildLayout.pointer(WEB, PROD)).orElseThrow();
    assertEquals(
        new String(top),
        new String(storage.peek(BuildLayout.historyEntry(WEB, PROD, 1)).orElseThrow()));
  }

  @Test
  void recentVersionsCoverTheNewestChangesAndThePeriod() throws Exception {
    for (String version : List.of("1", "2", "3", "1", "2")) {
      pointers.set(WEB, PROD, PointerUpdate.to(v(version)));
      clock.advance(Duration.ofDays(1));
    }
    assertEquals(Set.of(v("2"), v("1")), recent(new HistoryRoots(1, Duration.ZERO)));
    assertEquals(Set.of(v("1"), v("2"), v("3")), recent(new HistoryRoots(2, Duration.ZERO)));
    assertEquals(Set.of(v("1"), v("2"), v("3")), recent(new HistoryRoots(1, Duration.ofDays(3))));
    assertEquals(List.of(PROD), pointers.pointers(WEB));
  }

  private Set<BuildVersion> recent(HistoryRoots roots) throws Exception {
    return BuildRepository.builder(storage)
        .clock(clock)
        .historyRoots(roots)
        .build()
        .pointers()
        .recentVersions(WEB, PROD);
  }

  @Test
  void aPointerSetToAnOldBuildRefreshesItsManifestSoAConcurrentGcSparesIt() throws Exception {
    ObjectKey manifest = BuildLayout.manifest(WEB, v("1"));
    byte[] bytes = storage.peek(manifest).orElseThrow();
    Instant published = storage.stat(manifest).orElseThrow().lastModified();
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")));
    assertEquals(published, storage.stat(manifest).orElseThrow().lastModified());
    clock.advance(Duration.ofDays(2));
    pointers.set(WEB, PROD, PointerUpdate.to(v("2")));
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")));
    assertEquals(clock.instant(), storage.stat(manifest).orElseThrow().lastModified());
    assertEquals(new String(bytes), new String(storage.peek(manifest).orElseThrow()));
  }

  @Test
  void aChangeCostsFiveRequestsHoweverLongTheHistory() throws Exception {
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")));
    storage.resetCounts();
    pointers.set(WEB, PROD, PointerUpdate.to(v("2")));
    long first = storage.count(Operation.ANY);
    for (int i = 0; i < 40; i++) {
      pointers.set(WEB, PROD, PointerUpdate.to(v(i % 2 == 0 ? "3" : "2")));
    }
    storage.resetCounts();
    pointers.set(WEB, PROD, PointerUpdate.to(v("1")));
    assertEquals(first, storage.count(Operation.ANY));
    assertEquals(5, first, "read manifest and pointer, stat entry, write pointer and entry");
    assertEquals(0, storage.count(Operation.LIST_PAGE));
  }

  private static List<Long> seqs(List<PointerChange> history) {
    return history.stream().map(PointerChange::seq).toList();
  }
}
