package io.pinrepo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildPath;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.NewBuild;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.format.Problem;
import io.pinrepo.format.Retention;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.gc.GarbageCollector;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import io.pinrepo.verify.Verification;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GC and verify of builds and pointers, through the format a repository hands out. */
class BuildFormatTest {
  private static final BuildName WEB = BuildName.of("web");
  private static final PointerName PROD = PointerName.of("prod");
  private static final Duration GRACE = Duration.ofHours(2);

  private final ManualClock clock = new ManualClock(Instant.parse("2025-01-02T03:04:05.678Z"));
  private final InMemoryStorage storage = new InMemoryStorage(clock, 2);
  private BuildRepository builds = BuildRepository.builder(storage).clock(clock).build();

  private static BuildVersion v(String version) {
    return BuildVersion.of(version);
  }

  /** Publishes and sets through a repository keeping the newest build, and {@code roots}. */
  private void keepingNewest(HistoryRoots roots) {
    builds =
        BuildRepository.builder(storage)
            .clock(clock)
            .retention(Retention.keepNewest(1))
            .historyRoots(roots)
            .build();
  }

  private void publish(String... versions) throws IOException {
    for (String version : versions) {
      builds.publish(
          NewBuild.builder(WEB, v(version))
              .file("app", ContentSource.ofUtf8("app " + version))
              .file("lib/x.so", ContentSource.ofUtf8("lib " + version))
              .build());
      clock.advance(Duration.ofMinutes(1));
    }
  }

  private void set(String version) throws IOException {
    builds.pointers().set(WEB, PROD, PointerUpdate.to(v(version)));
    clock.advance(Duration.ofMinutes(1));
  }

  private GarbageCollector.Result gc() throws IOException {
    return new GarbageCollector(List.of(builds.format()), clock)
        .run(storage, GRACE, false, info -> {});
  }

  private List<Problem> verify() throws IOException {
    return new Verification(List.of(builds.format()))
        .run(storage, VerifyContext.unsigned())
        .problems();
  }

  private List<String> listed() throws IOException {
    return builds.list(WEB, 100).builds().stream().map(BuildRef::version).toList();
  }

  private boolean complete(String version) throws IOException {
    return builds.manifest(WEB, v(version)).isPresent();
  }

  private boolean anyFileOf(String version) {
    String prefix = BuildLayout.versionPrefix(WEB, v(version));
    return storage.keys().stream().anyMatch(k -> k.value().startsWith(prefix));
  }

  @Test
  void aRetentionNeverCostsAPointerItsBuildAndGcRemovesManifestsBeforeFiles() throws Exception {
    keepingNewest(new HistoryRoots(1, Duration.ZERO));
    publish("1", "2", "3");
    set("1");
    assertEquals(List.of("3"), listed());
    clock.advance(Duration.ofDays(1));
    GarbageCollector.Result first = gc();
    assertEquals(List.of("build"), first.formatsFound());
    assertFalse(complete("2"));
    assertTrue(anyFileOf("2"), "files go one run after their manifest");
    assertEquals(List.of(), verify());
    GarbageCollector.Result second = gc();
    assertFalse(anyFileOf("2"));
    assertEquals(2, second.collected().size());
    assertTrue(complete("1") && complete("3"));
    assertEquals(List.of("3"), listed());
    assertEquals(List.of(), verify());
  }

  @Test
  void recentHistoryKeepsWhatARollbackNeeds() throws Exception {
    keepingNewest(new HistoryRoots(1, Duration.ZERO));
    publish("1", "2", "3");
    set("1");
    set("2");
    set("3");
    clock.advance(Duration.ofDays(1));
    gc();
    gc();
    assertTrue(complete("2"), "the newest change came from 2");
    assertFalse(anyFileOf("1"));
    assertEquals(List.of(), verify());
  }

  @Test
  void theHistoryPeriodKeepsOlderChangesToo() throws Exception {
    keepingNewest(new HistoryRoots(1, Duration.ofDays(7)));
    publish("1", "2", "3");
    set("1");
    set("2");
    set("3");
    clock.advance(Duration.ofDays(1));
    gc();
    gc();
    assertTrue(complete("1") && complete("2") && complete("3"));
  }

  @Test
  void theDefaultFormatKeepsTheNewestTenChangesOfEveryPointer() throws Exception {
    keepingNewest(new HistoryRoots(1, Duration.ZERO));
    publish("1", "2", "3");
    set("1");
    set("2");
    set("3");
    clock.advance(Duration.ofDays(1));
    for (int run = 0; run < 2; run++) {
      new GarbageCollector(List.of(new BuildFormat()), clock)
          .run(storage, GRACE, false, info -> {});
    }
    assertTrue(complete("1"), "the format of this repository would drop 1; the default keeps it");
  }

  @Test
  void keepsEveryListedBuildByDefaultAndRemovesOldIncompleteOnes() throws Exception {
    publish("1", "2");
    ObjectKey dead = BuildLayout.file(WEB, v("3"), BuildPath.of("app"));
    storage.write(dead, ContentSource.ofUtf8("half"), WriteCondition.none());
    GarbageCollector.Result young = gc();
    assertEquals(List.of(), young.collected());
    clock.advance(Duration.ofDays(1));
    GarbageCollector.Result old = gc();
    assertEquals(List.of(dead), old.collected().stream().map(ObjectInfo::key).toList());
    assertEquals(List.of("2", "1"), listed());
  }

  @Test
  void aPointerSetWhileGcSweepsKeepsItsBuild() throws Exception {
    keepingNewest(HistoryRoots.DEFAULT);
    publish("1", "2");
    clock.advance(Duration.ofDays(1));
    // The pointer is set to the old build 1 just as GC starts deleting what it found unreachable.
    boolean[] done = {false};
    ForwardingStorage racing =
        new ForwardingStorage(storage) {
          @Override
          public void delete(ObjectKey key, WriteCondition condition) throws IOException {
            if (!done[0]) {
              done[0] = true;
              builds.pointers().set(WEB, PROD, PointerUpdate.to(v("1")));
            }
            super.delete(key, condition);
          }
        };
    new GarbageCollector(List.of(builds.format()), clock).run(racing, GRACE, false, info -> {});
    assertTrue(done[0]);
    assertTrue(complete("1"));
    assertEquals(List.of(), verify());
  }

  @Test
  void verifyFindsTamperedFilesStrayMarkersAndBrokenHistory() throws Exception {
    publish("1", "2");
    set("1");
    set("2");
    set("1");
    assertEquals(List.of(), verify());
    ObjectKey app = BuildLayout.file(WEB, v("2"), BuildPath.of("app"));
    storage.write(app, ContentSource.ofUtf8("app 3"), WriteCondition.none());
    storage.delete(BuildLayout.historyEntry(WEB, PROD, 2), WriteCondition.none());
    ObjectKey stray = BuildLayout.marker(WEB, clock.instant(), v("9"));
    storage.write(stray, ContentSource.ofUtf8("9\n"), WriteCondition.none());
    List<String> problems = verify().stream().map(Problem::toString).toList();
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("build: " + app + ": sha256 "), problems.get(0));
    assertEquals("build: " + stray + ": lists 9, which has no readable manifest", problems.get(1));
    assertEquals(
        "build: " + BuildLayout.historyEntry(WEB, PROD, 2) + ": history entry missing",
        problems.get(2));
  }

  @Test
  void verifyFindsAPointerWhoseBuildIsGone() throws Exception {
    publish("1");
    set("1");
    storage.delete(BuildLayout.manifest(WEB, v("1")), WriteCondition.none());
    assertEquals(
        List.of(
            "build: "
                + BuildLayout.marker(WEB, Instant.parse("2025-01-02T03:04:05.678Z"), v("1"))
                + ": lists 1, which has no readable manifest",
            "build: "
                + BuildLayout.pointer(WEB, PROD)
                + ": names 1, which is not a complete build"),
        verify().stream().map(Problem::toString).toList());
  }
}
