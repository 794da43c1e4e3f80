package io.pinrepo.build;

import static io.pinrepo.build.Builds.WEB;
import static io.pinrepo.build.Builds.web;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.PackageConflictException;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildPath;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.FileEntry;
import io.pinrepo.build.manifest.Manifest;
import io.pinrepo.build.manifest.NewBuild;
import io.pinrepo.commit.Settlement;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.testkit.time.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildRepositoryTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2025-01-02T03:04:05.678Z"));
  private final InMemoryStorage storage = new InMemoryStorage(clock, 3);
  private final BuildRepository builds = BuildRepository.builder(storage).clock(clock).build();

  @Test
  void publishesFilesAndAManifestListingThem() throws Exception {
    ChangeReport<BuildRef> r =
        builds.publish(
            NewBuild.builder(WEB, BuildVersion.of("1.4.2"))
                .file("app.tar.gz", Builds.text("app"))
                .metadata("commit", "3f9c2e1")
                .build());
    BuildRef ref = new BuildRef(WEB, BuildVersion.of("1.4.2"), clock.instant());
    assertEquals(
        new ChangeReport<>(List.of(ref), List.of(), List.of(), true, Settlement.CURRENT), r);
    assertEquals(BuildLayout.manifest(WEB, BuildVersion.of("1.4.2")), ref.file());
    assertEquals("web", ref.name());
    assertEquals("1.4.2", ref.version());
    Manifest m = builds.manifest(WEB, BuildVersion.of("1.4.2")).orElseThrow();
    assertEquals(clock.instant(), m.time());
    assertEquals(Optional.of("3f9c2e1"), m.metadata().get("commit"));
    FileEntry f = m.files().get(0);
    byte[] stored =
        storage.peek(BuildLayout.file(WEB, BuildVersion.of("1.4.2"), f.path())).orElseThrow();
    assertEquals("app", new String(stored, StandardCharsets.UTF_8));
    assertEquals(Digests.of(stored).sha256(), f.sha256());
    assertEquals(3, f.size());
  }

  @Test
  void writesTheManifestAfterEveryFileAndTheMarkerLast() throws Exception {
    List<ObjectKey> writes = new ArrayList<>();
    BuildRepository recording =
        BuildRepository.builder(
                new ForwardingStorage(storage) {
                  @Override
                  public ObjectInfo write(
                      ObjectKey key, ContentSource content, WriteCondition condition)
                      throws IOException {
                    writes.add(key);
                    return super.write(key, content, condition);
                  }
                })
            .clock(clock)
            .build();
    recording.publish(web("1"));
    BuildVersion v = BuildVersion.of("1");
    assertEquals(
        List.of(
            BuildLayout.file(WEB, v, BuildPath.of("app.tar.gz")),
            BuildLayout.file(WEB, v, BuildPath.of("conf/app.yaml")),
            BuildLayout.manifest(WEB, v),
            BuildLayout.marker(WEB, clock.instant(), v)),
        writes);
  }

  @Test
  void publishingTheSameBuildAgainChangesNothing() throws Exception {
    builds.publish(web("1"));
    BuildRef first = new BuildRef(WEB, BuildVersion.of("1"), clock.instant());
    Map<String, byte[]> before = storage.snapshot();
    clock.advance(Duration.ofMinutes(5));
    ChangeReport<BuildRef> again = builds.publish(web("1"));
    assertEquals(ChangeReport.unchanged(List.of(first)), again);
    assertFalse(again.changed());
    assertSnapshot(before);
  }

  @Test
  void everyFileIsReadBeforeAnythingIsWritten() throws Exception {
    NewBuild missing =
        NewBuild.builder(WEB, BuildVersion.of("1"))
            .file("a", Builds.text("a"))
            .file("b", Path.of("no/such/file"))
            .build();
    storage.resetCounts();
    assertThrows(NoSuchFileException.class, () -> builds.publish(missing));
    assertEquals(0, storage.count(Operation.ANY));
  }

  @Test
  void otherContentUnderAPublishedVersionIsRefusedBeforeAnyUpload() throws Exception {
    builds.publish(web("1"));
    Map<String, byte[]> before = storage.snapshot();
    storage.resetCounts();
    BuildConflictException e =
        assertThrows(
            BuildConflictException.class,
            () -> builds.publish(web("1", "app.tar.gz", "app 1", "conf/app.yaml", "changed")));
    assertTrue(
        e.getMessage().startsWith("web 1 is already published with other content (conf/app.yaml"),
        e.getMessage());
    assertTrue(e instanceof PackageConflictException);
    assertEquals(0, storage.count(Operation.WRITE));
    assertSnapshot(before);
    BuildConflictException meta =
        assertThrows(
            BuildConflictException.class,
            () ->
                builds.publish(
                    NewBuild.builder(WEB, BuildVersion.of("1"))
                        .file(web("1").files().get(0))
                        .file(web("1").files().get(1))
                        .metadata("commit", "x")
                        .build()));
    assertTrue(meta.getMessage().contains("(metadata {} is published"), meta.getMessage());
    assertSnapshot(before);
  }

  @Test
  void aConflictNamesEveryDifferingFileOnOneLine() throws Exception {
    builds.publish(web("1", "a", "1", "b", "2", "c", "3"));
    BuildConflictException e =
        assertThrows(
            BuildConflictException.class,
            () -> builds.publish(web("1", "a", "1", "b", "two", "d", "4")));
    String sha2 = Digests.of("2".getBytes(StandardCharsets.UTF_8)).sha256();
    String shaTwo = Digests.of("two".getBytes(StandardCharsets.UTF_8)).sha256();
    assertEquals(
        "web 1 is already published with other content (b is published with sha256 "
            + sha2
            + " and 1 bytes, this one has "
            + shaTwo
            + " and 3 bytes; the published build also has c; d is not in the published build);"
            + " versions are write-once, publish a new one",
        e.getMessage());
  }

  @Test
  void aPublishThatLosesTheManifestRaceRemovesTheFilesOnlyItUploaded() throws Exception {
    NewBuild winner = web("1", "app.tar.gz", "shared", "winner.txt", "w");
    NewBuild loser = web("1", "app.tar.gz", "shared", "loser.txt", "l");
    BuildVersion v = BuildVersion.of("1");
    // The loser uploads its files, then the winner publishes whole before the loser's manifest.
    BuildRepository slow =
        BuildRepository.builder(
                new BeforeWrite(
                    storage, BuildLayout.manifest(WEB, v), () -> builds.publish(winner)))
            .clock(clock)
            .build();
    BuildConflictException e =
        assertThrows(BuildConflictException.class, () -> slow.publish(loser));
    assertEquals(
        "web 1 is already published with other content (the published build also has"
            + " winner.txt; loser.txt is not in the published build); versions are write-once,"
            + " publish a new one",
        e.getMessage());
    assertFalse(storage.peek(BuildLayout.file(WEB, v, BuildPath.of("loser.txt"))).isPresent());
    assertTrue(storage.peek(BuildLayout.file(WEB, v, BuildPath.of("app.tar.gz"))).isPresent());
    assertEquals(
        List.of(BuildPath.of("app.tar.gz"), BuildPath.of("winner.txt")),
        builds.manifest(WEB, v).orElseThrow().files().stream().map(FileEntry::path).toList());
  }

  @Test
  void aPublishThatLosesTheManifestRaceToTheSameBuildReportsItUnchanged() throws Exception {
    BuildVersion v = BuildVersion.of("1");
    Instant winnerTime = clock.instant();
    BuildRepository slow =
        BuildRepository.builder(
                new BeforeWrite(
                    storage,
                    BuildLayout.manifest(WEB, v),
                    () -> {
                      builds.publish(web("1"));
                      clock.advance(Duration.ofSeconds(1));
                    }))
            .clock(clock)
            .build();
    ChangeReport<BuildRef> r = slow.publish(web("1"));
    assertEquals(ChangeReport.unchanged(List.of(new BuildRef(WEB, v, winnerTime))), r);
    assertEquals(List.of("1"), versions(builds.list(WEB, 10)));
  }

  @Test
  void listsNewestFirstInPages() throws Exception {
    for (int i = 1; i <= 7; i++) {
      builds.publish(web("1." + i));
      clock.advance(Duration.ofSeconds(1));
    }
    BuildPage first = builds.list(WEB, 3);
    assertEquals(List.of("1.7", "1.6", "1.5"), versions(first));
    BuildPage second = builds.list(WEB, 3, first.next().orElseThrow());
    assertEquals(List.of("1.4", "1.3", "1.2"), versions(second));
    BuildPage last = builds.list(WEB, 3, second.next().orElseThrow());
    assertEquals(List.of("1.1"), versions(last));
    assertEquals(Optional.empty(), last.next());
    assertEquals(Instant.parse("2025-01-02T03:04:05.678Z"), last.builds().get(0).time());
    assertEquals(List.of(), builds.list(BuildName.of("nothing"), 3).builds());
  }

  @Test
  void publishCostsTheSameStorageOperationsHoweverManyBuildsExist() throws Exception {
    storage.resetCounts();
    builds.publish(web("first"));
    long alone = storage.count(Operation.ANY);
    for (int i = 0; i < 200; i++) {
      clock.advance(Duration.ofSeconds(1));
      builds.publish(web("filler-" + i));
    }
    clock.advance(Duration.ofSeconds(1));
    storage.resetCounts();
    builds.publish(web("last"));
    assertEquals(alone, storage.count(Operation.ANY));
    assertEquals(5, alone, "hash locally, then read manifest, write 2 files, manifest, marker");
    assertEquals(0, storage.count(Operation.LIST_PAGE));
    // the newest build is on the first list page, however many there are
    storage.resetCounts();
    assertEquals("last", builds.list(WEB, 1).builds().get(0).version());
    assertEquals(1, storage.count(Operation.LIST_PAGE));
  }

  @Test
  void aBuildWhoseMarkerWasLostIsListedAgainOnceRepublished() throws Exception {
    builds.publish(web("1"));
    BuildVersion v = BuildVersion.of("1");
    storage.delete(BuildLayout.marker(WEB, clock.instant(), v), WriteCondition.none());
    assertEquals(List.of(), builds.list(WEB, 10).builds());
    clock.advance(Duration.ofHours(3));
    assertFalse(builds.publish(web("1")).committed());
    assertEquals(List.of("1"), versions(builds.list(WEB, 10)));
  }

  @Test
  void republishingAnOldBuildRefreshesItsManifestSoAConcurrentGcSparesIt() throws Exception {
    builds.publish(web("1"));
    ObjectKey manifest = BuildLayout.manifest(WEB, BuildVersion.of("1"));
    byte[] bytes = storage.peek(manifest).orElseThrow();
    clock.advance(Duration.ofMinutes(30));
    builds.publish(web("1"));
    assertEquals(
        clock.instant().minus(Duration.ofMinutes(30)),
        storage.stat(manifest).orElseThrow().lastModified(),
        "younger than an hour: left alone");
    clock.advance(Duration.ofDays(2));
    builds.publish(web("1"));
    assertEquals(clock.instant(), storage.stat(manifest).orElseThrow().lastModified());
    assertEquals(new String(bytes), new String(storage.peek(manifest).orElseThrow()));
  }

  private void assertSnapshot(Map<String, byte[]> before) {
    Map<String, byte[]> after = storage.snapshot();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertEquals(new String(v), new String(after.get(k)), k));
  }

  private static List<String> versions(BuildPage page) {
    return page.builds().stream().map(BuildRef::version).toList();
  }
}
