package io.pinrepo.build;

import static io.pinrepo.build.Builds.WEB;
import static io.pinrepo.build.Builds.web;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.testkit.time.ManualClock;
import java.nio.charset.StandardCharsets;
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
  private final BuildRepository builds = BuildRepository.on(storage, clock);

  @Test
  void publishesFilesAndAManifestListingThem() throws Exception {
    PublishResult r =
        builds.publish(
            NewBuild.builder(WEB, BuildVersion.of("1.4.2"))
                .file("app.tar.gz", Builds.text("app"))
                .metadata("commit", "3f9c2e1")
                .build());
    assertFalse(r.alreadyPublished());
    assertEquals(1, r.filesUploaded());
    Manifest m = builds.manifest(WEB, BuildVersion.of("1.4.2")).orElseThrow();
    assertEquals(r.manifest(), m);
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
        BuildRepository.on(
            new io.pinrepo.spi.ForwardingStorage(storage) {
              @Override
              public io.pinrepo.spi.ObjectInfo write(
                  ObjectKey key,
                  io.pinrepo.spi.ContentSource content,
                  io.pinrepo.spi.WriteCondition condition)
                  throws java.io.IOException {
                writes.add(key);
                return super.write(key, content, condition);
              }
            },
            clock);
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
    PublishResult first = builds.publish(web("1"));
    Map<String, byte[]> before = storage.snapshot();
    clock.advance(Duration.ofMinutes(5));
    PublishResult again = builds.publish(web("1"));
    assertTrue(again.alreadyPublished());
    assertEquals(first.manifest(), again.manifest());
    assertSnapshot(before);
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
    assertTrue(meta.getMessage().contains("metadata {} is published"), meta.getMessage());
    assertSnapshot(before);
  }

  @Test
  void aPublishThatLosesTheManifestRaceRemovesTheFilesOnlyItUploaded() throws Exception {
    NewBuild winner = web("1", "app.tar.gz", "shared", "winner.txt", "w");
    NewBuild loser = web("1", "app.tar.gz", "shared", "loser.txt", "l");
    BuildVersion v = BuildVersion.of("1");
    // The loser uploads its files, then the winner publishes whole before the loser's manifest.
    BuildRepository slow =
        BuildRepository.on(
            new BeforeWrite(storage, BuildLayout.manifest(WEB, v), () -> builds.publish(winner)),
            clock);
    BuildConflictException e =
        assertThrows(BuildConflictException.class, () -> slow.publish(loser));
    assertEquals(
        "web 1 is already published with other content (the published build also has"
            + " winner.txt); versions are write-once, publish a new one",
        e.getMessage());
    assertFalse(storage.peek(BuildLayout.file(WEB, v, BuildPath.of("loser.txt"))).isPresent());
    assertTrue(storage.peek(BuildLayout.file(WEB, v, BuildPath.of("app.tar.gz"))).isPresent());
    assertEquals(
        List.of(BuildPath.of("app.tar.gz"), BuildPath.of("winner.txt")),
        builds.manifest(WEB, v).orElseThrow().files().stream().map(FileEntry::path).toList());
  }

  @Test
  void listsNewestFirstInPages() throws Exception {
    for (int i = 1; i <= 7; i++) {
      builds.publish(web("1." + i));
      clock.advance(Duration.ofSeconds(1));
    }
    BuildPage first = builds.list(WEB, 3);
    assertEquals(versions("1.7", "1.6", "1.5"), versions(first));
    BuildPage second = builds.list(WEB, 3, first.next().orElseThrow());
    assertEquals(versions("1.4", "1.3", "1.2"), versions(second));
    BuildPage last = builds.list(WEB, 3, second.next().orElseThrow());
    assertEquals(versions("1.1"), versions(last));
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
    assertEquals(0, storage.count(Operation.LIST_PAGE));
    // the newest build is on the first list page, however many there are
    storage.resetCounts();
    assertEquals("last", builds.list(WEB, 1).builds().get(0).version().value());
    assertEquals(1, storage.count(Operation.LIST_PAGE));
  }

  @Test
  void aBuildWhoseMarkerWasLostIsListedAgainOnceRepublished() throws Exception {
    builds.publish(web("1"));
    BuildVersion v = BuildVersion.of("1");
    storage.delete(
        BuildLayout.marker(WEB, clock.instant(), v), io.pinrepo.spi.WriteCondition.none());
    assertEquals(List.of(), builds.list(WEB, 10).builds());
    clock.advance(Duration.ofHours(3));
    assertTrue(builds.publish(web("1")).alreadyPublished());
    assertEquals(versions("1"), versions(builds.list(WEB, 10)));
  }

  @Test
  void holdRefusesMissingAndIncompleteBuilds() throws Exception {
    NoSuchBuildException missing =
        assertThrows(NoSuchBuildException.class, () -> builds.hold(WEB, BuildVersion.of("9")));
    assertEquals("no build web 9", missing.getMessage());
    BuildVersion v = BuildVersion.of("2");
    storage.write(
        BuildLayout.file(WEB, v, BuildPath.of("app")),
        Builds.text("half"),
        io.pinrepo.spi.WriteCondition.none());
    NoSuchBuildException incomplete =
        assertThrows(NoSuchBuildException.class, () -> builds.hold(WEB, v));
    assertTrue(incomplete.getMessage().startsWith("web 2 is incomplete"), incomplete.getMessage());
  }

  @Test
  void holdRefreshesAnOldManifestAndMarkerSoAConcurrentGcSparesThem() throws Exception {
    builds.publish(web("1"));
    BuildVersion v = BuildVersion.of("1");
    ObjectKey manifest = BuildLayout.manifest(WEB, v);
    ObjectKey marker = BuildLayout.marker(WEB, clock.instant(), v);
    Instant published = storage.stat(manifest).orElseThrow().lastModified();
    builds.hold(WEB, v);
    assertEquals(published, storage.stat(manifest).orElseThrow().lastModified());
    clock.advance(Duration.ofDays(2));
    byte[] bytes = storage.peek(manifest).orElseThrow();
    builds.hold(WEB, v);
    assertEquals(clock.instant(), storage.stat(manifest).orElseThrow().lastModified());
    assertEquals(clock.instant(), storage.stat(marker).orElseThrow().lastModified());
    assertEquals(
        new String(bytes, StandardCharsets.UTF_8),
        new String(storage.peek(manifest).orElseThrow(), StandardCharsets.UTF_8));
  }

  private void assertSnapshot(Map<String, byte[]> before) {
    Map<String, byte[]> after = storage.snapshot();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertEquals(new String(v), new String(after.get(k)), k));
  }

  private static List<String> versions(String... versions) {
    return List.of(versions);
  }

  private static List<String> versions(BuildPage page) {
    return page.builds().stream().map(b -> b.version().value()).toList();
  }
}
