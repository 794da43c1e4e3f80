package io.pinrepo.maven;

import static io.pinrepo.maven.Fixtures.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.commit.Settlement;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Entry;
import io.pinrepo.format.Retention;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a deploy reports: its files as entries, what retention dropped, how its sidecars ended. */
class DeployReportTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T00:01:29Z"), ZoneOffset.UTC);
  private static final String SNAPSHOT = "com/example/demo/2.0-SNAPSHOT/";

  private final InMemoryStorage storage = new InMemoryStorage();

  @Test
  void aReleaseListsItsFilesAsAddedThenAsUnchanged() throws IOException {
    MavenRepository repo = MavenRepository.builder(storage).clock(CLOCK).build();

    ChangeReport<ArtifactRef> first = repo.deploy(deployment("com.example", "demo", "1.0", "a"));
    ChangeReport<ArtifactRef> again = repo.deploy(deployment("com.example", "demo", "1.0", "a"));

    List<String> files =
        List.of(
            "com/example/demo/1.0/demo-1.0.jar",
            "com/example/demo/1.0/demo-1.0-sources.jar",
            "com/example/demo/1.0/demo-1.0.pom");
    assertEquals(files, keys(first.added()));
    assertTrue(first.committed());
    assertEquals(Settlement.CURRENT, first.derived());
    for (ArtifactRef e : first.added()) {
      assertEquals("com.example:demo", e.name());
      assertEquals("1.0", e.version());
      assertEquals("1.0", e.fileVersion());
      assertEquals(0, e.buildNumber());
      assertTrue(storage.peek(e.file()).isPresent(), e.toString());
    }
    assertEquals(List.of(), again.added());
    assertEquals(files, keys(again.unchanged()));
    assertFalse(again.committed());
  }

  @Test
  void aReleaseWhoseFilesAreThereButNotListedIsAddedByListingIt() throws IOException {
    MavenRepository repo = MavenRepository.builder(storage).clock(CLOCK).build();
    repo.deploy(deployment("com.example", "demo", "1.0", "a"));
    storage.delete(ObjectKey.of("com/example/demo/maven-metadata.xml"), WriteCondition.none());

    ChangeReport<ArtifactRef> repaired = repo.deploy(deployment("com.example", "demo", "1.0", "a"));

    assertEquals(3, repaired.added().size());
    assertTrue(repaired.committed());
    MavenFormatGcTest.assertClean(storage);
  }

  @Test
  void aSnapshotBuildReportsItsTimestampedFilesAndTheBuildsRetentionDropped() throws IOException {
    MavenRepository keepTwo =
        MavenRepository.builder(storage).clock(CLOCK).retention(Retention.keepNewest(2)).build();
    keepTwo.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "b1"));
    keepTwo.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "b2"));

    ChangeReport<ArtifactRef> third =
        keepTwo.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "b3"));

    String build3 = "demo-2.0-20261122.000129-3";
    assertEquals(
        List.of(
            SNAPSHOT + build3 + ".jar",
            SNAPSHOT + build3 + "-sources.jar",
            SNAPSHOT + build3 + ".pom"),
        keys(third.added()));
    ArtifactRef pom = third.added().get(2);
    assertEquals("2.0-SNAPSHOT", pom.version());
    assertEquals("2.0-20261122.000129-3", pom.fileVersion());
    assertEquals(3, pom.buildNumber());
    String build1 = "demo-2.0-20261122.000129-1";
    assertEquals(
        List.of(
            SNAPSHOT + build1 + "-sources.jar",
            SNAPSHOT + build1 + ".jar",
            SNAPSHOT + build1 + ".pom"),
        keys(third.removed()));
    for (ArtifactRef gone : third.removed()) {
      assertFalse(storage.peek(gone.file()).isPresent(), gone.toString());
      assertEquals(1, gone.buildNumber());
    }
    assertTrue(third.committed());
  }

  @Test
  void replacingOlderBuildsKeepsOnlyTheNewest() throws IOException {
    MavenRepository replace =
        MavenRepository.builder(storage).clock(CLOCK).retention(Retention.replaceOlder()).build();
    for (String label : List.of("b1", "b2", "b3")) {
      replace.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", label));
    }

    List<String> jars =
        storage.keys().stream()
            .map(ObjectKey::value)
            .filter(k -> k.startsWith(SNAPSHOT) && k.endsWith(".jar"))
            .toList();
    assertEquals(
        List.of(
            SNAPSHOT + "demo-2.0-20261122.000129-3-sources.jar",
            SNAPSHOT + "demo-2.0-20261122.000129-3.jar"),
        jars);
    assertTrue(replace.format().toString().contains("replaceOlder()"), replace.format().toString());
  }

  @Test
  void aDeployWhoseSidecarsKeepBeingOverwrittenStandsAndSaysTheyGaveUp() throws IOException {
    String metadata = "com/example/demo/maven-metadata.xml";
    ForwardingStorage meddling =
        new ForwardingStorage(storage) {
          @Override
          public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
              throws IOException {
            if (key.value().equals(metadata + ".md5")) {
              storage.write(key, ContentSource.ofUtf8("meddled"), WriteCondition.none());
            }
            return super.write(key, content, condition);
          }
        };
    MavenRepository repo =
        MavenRepository.builder(meddling)
            .clock(CLOCK)
            .retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO))
            .build();

    ChangeReport<ArtifactRef> report = repo.deploy(deployment("com.example", "demo", "1.0", "a"));

    assertEquals(Settlement.GAVE_UP, report.derived());
    assertTrue(report.committed());
    byte[] listed = storage.peek(ObjectKey.of(metadata)).orElseThrow();
    assertTrue(new String(listed, StandardCharsets.UTF_8).contains("<version>1.0</version>"));
    assertEquals(Digests.of(listed).sha1(), Fixtures.text(storage, metadata + ".sha1"));
    // the next deploy that touches the metadata repairs what was left
    MavenRepository.builder(storage)
        .clock(CLOCK)
        .build()
        .deploy(deployment("com.example", "demo", "1.0", "a"));
    MavenFormatGcTest.assertClean(storage);
  }

  private static List<String> keys(List<? extends Entry> entries) {
    return entries.stream().map(e -> e.file().value()).toList();
  }
}
