package io.pinrepo.maven;

import static io.pinrepo.maven.Fixtures.deployment;
import static io.pinrepo.maven.Fixtures.pomEntry;
import static io.pinrepo.maven.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.maven.metadata.SnapshotVersion;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MavenRepositoryTest {
  private static final Instant NOW = Instant.parse("2026-11-22T00:01:29Z");
  private final InMemoryStorage storage = new InMemoryStorage();
  private final MavenRepository deployer =
      MavenRepository.builder(storage).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  @Test
  void writesTheStandardLayoutWithFourSidecarsBesideEveryFile() throws Exception {
    deployer.deploy(deployment("com.example", "demo", "1.0", "r10"));

    String dir = "com/example/demo/1.0/";
    for (String name : List.of("demo-1.0.jar", "demo-1.0-sources.jar", "demo-1.0.pom")) {
      byte[] file = storage.peek(ObjectKey.of(dir + name)).orElseThrow();
      assertSidecarsMatch(dir + name, file);
    }
    String metadata = "com/example/demo/maven-metadata.xml";
    assertSidecarsMatch(metadata, storage.peek(ObjectKey.of(metadata)).orElseThrow());
  }

  @Test
  void listsVersionsInMavenOrderWithTheHighestReleaseWhateverTheDeployOrder() throws Exception {
    for (String v : List.of("1.10", "2.0-SNAPSHOT", "1.9", "1.0-beta-1", "1.0", "2.0-rc1")) {
      deployer.deploy(deployment("com.example", "demo", v, v));
    }

    MavenMetadata m = metadata("com/example/demo/maven-metadata.xml");
    assertEquals(
        List.of("1.0-beta-1", "1.0", "1.9", "1.10", "2.0-rc1", "2.0-SNAPSHOT"),
        m.versioning().versions());
    assertEquals("2.0-rc1", m.versioning().release());
    assertEquals("2.0-SNAPSHOT", m.versioning().latest());
    assertEquals(MavenMetadata.lastUpdated(NOW), m.versioning().lastUpdated());
  }

  @Test
  void takesGroupIdAndVersionFromTheParentWhenTheProjectOmitsThem() throws Exception {
    String pom =
        """
        <project><modelVersion>4.0.0</modelVersion>
          <parent><groupId>org.example.parent</groupId><artifactId>p</artifactId>
            <version>3.1</version></parent>
          <artifactId>child</artifactId></project>""";
    ChangeReport<ArtifactRef> result =
        deployer.deploy(Deployment.of("child.pom", ContentSource.ofUtf8(pom), List.of()));

    assertEquals(Coordinates.parse("org.example.parent:child:3.1"), pomEntry(result).coordinates());
    assertTrue(
        storage.peek(ObjectKey.of("org/example/parent/child/3.1/child-3.1.pom")).isPresent());
  }

  @Test
  void usesGivenCoordinatesWhenThePomNeedsInterpolation() throws Exception {
    String pom =
        "<project><groupId>com.example</groupId><artifactId>demo</artifactId>"
            + "<version>${revision}</version></project>";
    Deployment d = Deployment.of("demo.pom", ContentSource.ofUtf8(pom), List.of());

    assertThrows(MalformedPackageException.class, () -> deployer.deploy(d));
    deployer.deploy(d.withCoordinates(Coordinates.parse("com.example:demo:4.2")));
    assertTrue(storage.peek(ObjectKey.of("com/example/demo/4.2/demo-4.2.pom")).isPresent());
    MalformedPackageException disagree =
        assertThrows(
            MalformedPackageException.class,
            () -> deployer.deploy(d.withCoordinates(Coordinates.parse("com.other:demo:4.2"))));
    assertTrue(disagree.getMessage().contains("groupId"), disagree.getMessage());
  }

  @Test
  void redeployingIdenticalReleaseBytesChangesNothing() throws Exception {
    deployer.deploy(deployment("com.example", "demo", "1.0", "r10"));
    Map<String, byte[]> before = storage.snapshot();

    ChangeReport<ArtifactRef> again =
        deployer.deploy(deployment("com.example", "demo", "1.0", "r10"));

    assertFalse(again.changed());
    assertSameContent(before, storage.snapshot());
  }

  @Test
  void refusesOtherBytesForAReleaseBeforeWritingAnything() throws Exception {
    deployer.deploy(deployment("com.example", "demo", "1.0", "r10"));
    Map<String, byte[]> before = storage.snapshot();
    Deployment otherJar =
        Deployment.of(
            "pom.xml",
            ContentSource.ofUtf8(Fixtures.pom("com.example", "demo", "1.0", "jar")),
            List.of(new ArtifactFile("", "jar", ContentSource.ofBytes(Fixtures.jar("x")), "x")));
    storage.resetCounts();

    PackageConflictException e =
        assertThrows(PackageConflictException.class, () -> deployer.deploy(otherJar));

    assertTrue(e.getMessage().contains("demo-1.0.jar"), e.getMessage());
    assertSameContent(before, storage.snapshot());
    assertEquals(0, storage.count(Operation.WRITE) + storage.count(Operation.DELETE));
  }

  @Test
  void refusesAReleaseNamingEveryFileWithOtherBytesAndWritesNothing() throws Exception {
    deployer.deploy(deployment("com.example", "demo", "1.0", "r10"));
    Map<String, byte[]> before = storage.snapshot();
    MavenRepository withPrefixes =
        MavenRepository.builder(storage)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .prefixFile(true)
            .build();
    storage.resetCounts();

    RefusedBatchException e =
        assertThrows(
            RefusedBatchException.class,
            () -> withPrefixes.deploy(deployment("com.example", "demo", "1.0", "other")));

    assertTrue(e.getMessage().contains("demo-1.0.jar"), e.getMessage());
    assertEquals(2, e.causes().size(), e.getMessage());
    assertTrue(e.causes().get(1).getMessage().contains("demo-1.0-sources.jar"));
    assertTrue(e.causes().stream().allMatch(c -> c instanceof PackageConflictException));
    assertSameContent(before, storage.snapshot()); // not even the prefix file
    assertEquals(0, storage.count(Operation.WRITE) + storage.count(Operation.DELETE));
  }

  @Test
  void snapshotDeploysGetTimestampedFilesAndIncreasingBuildNumbers() throws Exception {
    ChangeReport<ArtifactRef> first =
        deployer.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "A"));
    ChangeReport<ArtifactRef> second =
        deployer.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "B"));

    assertEquals("2.0-20261122.000129-1", pomEntry(first).fileVersion());
    assertEquals(2, pomEntry(second).buildNumber());
    String dir = "com/example/demo/2.0-SNAPSHOT/";
    for (String v : List.of("2.0-20261122.000129-1", "2.0-20261122.000129-2")) {
      for (String suffix : List.of(".jar", "-sources.jar", ".pom")) {
        assertTrue(storage.peek(ObjectKey.of(dir + "demo-" + v + suffix)).isPresent(), v + suffix);
      }
    }
    MavenMetadata m = metadata(dir + "maven-metadata.xml");
    assertEquals(2, m.buildNumber());
    assertEquals("20261122.000129", m.versioning().snapshot().timestamp());
    assertEquals(
        Map.of(
            ":jar", "2.0-20261122.000129-2",
            "sources:jar", "2.0-20261122.000129-2",
            ":pom", "2.0-20261122.000129-2"),
        m.versioning().snapshotVersions().stream()
            .collect(Collectors.toMap(SnapshotVersion::key, SnapshotVersion::value)));
    assertSidecarsMatch(
        dir + "maven-metadata.xml",
        storage.peek(ObjectKey.of(dir + "maven-metadata.xml")).orElseThrow());
  }

  @Test
  void keepsSnapshotEntriesOfKindsNotDeployedAgain() throws Exception {
    deployer.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "A"));
    Deployment jarOnly =
        Deployment.of(
            "pom.xml",
            ContentSource.ofUtf8(Fixtures.pom("com.example", "demo", "2.0-SNAPSHOT", "jar")),
            List.of(new ArtifactFile("", "jar", ContentSource.ofBytes(Fixtures.jar("B")), "b")));
    deployer.deploy(jarOnly);

    Map<String, String> values =
        metadata("com/example/demo/2.0-SNAPSHOT/maven-metadata.xml")
            .versioning()
            .snapshotVersions()
            .stream()
            .collect(Collectors.toMap(SnapshotVersion::key, SnapshotVersion::value));
    assertEquals("2.0-20261122.000129-1", values.get("sources:jar"));
    assertEquals("2.0-20261122.000129-2", values.get(":jar"));
  }

  @Test
  void retentionKeepsTheNewestBuildsAndDeletesOlderFilesAfterTheMetadata() throws Exception {
    MavenRepository keepTwo =
        MavenRepository.builder(storage)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .retention(Retention.keepNewest(2))
            .build();
    for (String label : List.of("A", "B", "C", "D")) {
      keepTwo.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", label));
    }

    String dir = "com/example/demo/2.0-SNAPSHOT/";
    List<String> builds =
        storage.keys().stream()
            .map(ObjectKey::value)
            .filter(k -> k.startsWith(dir + "demo-") && k.endsWith(".jar"))
            .toList();
    assertEquals(
        List.of(
            dir + "demo-2.0-20261122.000129-3-sources.jar",
            dir + "demo-2.0-20261122.000129-3.jar",
            dir + "demo-2.0-20261122.000129-4-sources.jar",
            dir + "demo-2.0-20261122.000129-4.jar"),
        builds);
    assertEquals(4, metadata(dir + "maven-metadata.xml").buildNumber());
  }

  @Test
  void writesGroupLevelPluginMetadataWithThePrefixFromThePluginDescriptor() throws Exception {
    String descriptor = "<plugin><name>Foo Plugin</name><goalPrefix>foo</goalPrefix></plugin>";
    byte[] jar = Fixtures.jar("p", "META-INF/maven/plugin.xml", descriptor);
    Deployment plugin =
        Deployment.of(
            "pom.xml",
            ContentSource.ofUtf8(
                Fixtures.pom("com.example", "foo-tools-maven-plugin", "1.0", "maven-plugin")),
            List.of(new ArtifactFile("", "jar", ContentSource.ofBytes(jar), "plugin.jar")));
    deployer.deploy(plugin);
    deployer.deploy(
        Deployment.of(
            "pom.xml",
            ContentSource.ofUtf8(
                Fixtures.pom("com.example", "maven-bar-plugin", "1.0", "maven-plugin")),
            List.of()));

    MavenMetadata group = metadata("com/example/maven-metadata.xml");
    assertEquals(2, group.plugins().size());
    assertEquals("foo", group.plugins().get(0).prefix());
    assertEquals("Foo Plugin", group.plugins().get(0).name());
    assertEquals("bar", group.plugins().get(1).prefix());
    assertSidecarsMatch(
        "com/example/maven-metadata.xml",
        storage.peek(ObjectKey.of("com/example/maven-metadata.xml")).orElseThrow());
  }

  @Test
  void keepsPluginsAndVersionsWhenGroupAndArtifactMetadataShareAPath() throws Exception {
    deployer.deploy(deployment("com.example", "foo", "1.0", "x"));
    deployer.deploy(
        Deployment.of(
            "pom.xml",
            ContentSource.ofUtf8(
                Fixtures.pom("com.example.foo", "foo-maven-plugin", "1.0", "maven-plugin")),
            List.of()));
    deployer.deploy(deployment("com.example", "foo", "1.1", "y"));

    MavenMetadata shared = metadata("com/example/foo/maven-metadata.xml");
    assertEquals(List.of("1.0", "1.1"), shared.versioning().versions());
    assertEquals("foo", shared.plugins().get(0).prefix());
  }

  @Test
  void prefixFileListsEveryGroupIncludingWhatWasThereBefore() throws Exception {
    deployer.deploy(deployment("org.acme", "old", "1.0", "x"));
    MavenRepository withPrefixes =
        MavenRepository.builder(storage)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .prefixFile(true)
            .build();

    withPrefixes.deploy(deployment("com.example.a", "demo", "1.0", "a"));
    withPrefixes.deploy(deployment("com.example.b", "demo", "1.0", "b"));
    withPrefixes.deploy(deployment("org.acme.sub", "demo", "1.0", "c"));

    assertEquals(
        "## repository-prefixes/2.0\n/com/example/a\n/com/example/b\n/org\n",
        text(storage, ".meta/prefixes.txt"));
  }

  private MavenMetadata metadata(String key) throws Exception {
    return MavenMetadata.parse(key, storage.peek(ObjectKey.of(key)).orElseThrow());
  }

  private void assertSidecarsMatch(String key, byte[] content) {
    Digests d = Digests.of(content);
    for (HashAlgorithm a : HashAlgorithm.values()) {
      String sidecar = key + "." + a.name().toLowerCase(Locale.ROOT);
      assertEquals(d.hex(a), text(storage, sidecar), sidecar);
    }
  }

  private static void assertSameContent(Map<String, byte[]> before, Map<String, byte[]> after) {
    assertEquals(before.keySet(), after.keySet());
    before.forEach(
        (k, v) ->
            assertEquals(
                new String(v, StandardCharsets.ISO_8859_1),
                new String(after.get(k), StandardCharsets.ISO_8859_1),
                k));
  }
}
