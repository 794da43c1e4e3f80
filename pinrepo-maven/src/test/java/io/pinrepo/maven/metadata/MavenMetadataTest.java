package io.pinrepo.maven.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;

class MavenMetadataTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:20:30Z");
  private static final List<String> POOL =
      List.of(
          "1.0",
          "1.0.1",
          "1.0-alpha-1",
          "1.0-beta",
          "1.0-rc1",
          "1.0-SNAPSHOT",
          "1.1",
          "1.10",
          "1.9",
          "2",
          "2.0.0.Final",
          "2.0-M1",
          "10.0",
          "1.0-sp1",
          "0.9.9-SNAPSHOT",
          "3.0-SNAPSHOT");

  @Property(tries = 200)
  void anyDeployOrderGivesIdenticalBytes(
      @ForAll @Size(min = 1, max = 12) @UniqueElements List<@From("pool") Integer> picks) {
    List<String> versions =
        picks.stream().map(i -> POOL.get(Math.floorMod(i, POOL.size()))).distinct().toList();
    List<String> reversed = new ArrayList<>(versions);
    Collections.reverse(reversed);
    assertArrayEquals(deployAll(versions).toXml(), deployAll(reversed).toXml());
  }

  @Property(tries = 200)
  void versionsFollowComparableVersionAndReleaseIsTheHighestRelease(
      @ForAll @Size(min = 1, max = 12) List<@From("pool") Integer> picks) {
    List<String> versions =
        picks.stream().map(i -> POOL.get(Math.floorMod(i, POOL.size()))).toList();
    MavenMetadata m = deployAll(versions);
    List<String> listed = m.versioning().versions();
    for (int i = 1; i < listed.size(); i++) {
      int cmp =
          new ComparableVersion(listed.get(i - 1)).compareTo(new ComparableVersion(listed.get(i)));
      assertEquals(true, cmp <= 0, listed.toString());
    }
    String highestRelease =
        versions.stream()
            .filter(v -> !v.endsWith("-SNAPSHOT"))
            .max((a, b) -> new ComparableVersion(a).compareTo(new ComparableVersion(b)))
            .orElse("");
    // Maven deems some spellings equal ("2" and "2.0.0.Final"): compare as Maven does
    assertEquals(
        new ComparableVersion(highestRelease), new ComparableVersion(m.versioning().release()));
    assertEquals(listed.get(listed.size() - 1), m.versioning().latest());
  }

  @net.jqwik.api.Provide("pool")
  net.jqwik.api.Arbitrary<Integer> pool() {
    return net.jqwik.api.Arbitraries.integers().between(0, POOL.size() - 1);
  }

  @Test
  void parsesWhatItRenders() throws Exception {
    MavenMetadata snapshot =
        MavenMetadata.EMPTY.withSnapshotBuild(
            "g",
            "a",
            "2.0-SNAPSHOT",
            SnapshotBuild.of(NOW, 3),
            Set.of(":jar", "tests:jar", ":pom"),
            0);
    MavenMetadata plugins =
        MavenMetadata.EMPTY.withPlugin(new PluginEntry("N <&>", "p", "p-maven-plugin"));
    MavenMetadata versions = deployAll(List.of("1.0", "2.0-SNAPSHOT"));
    for (MavenMetadata m : List.of(snapshot, plugins, versions)) {
      assertEquals(m, MavenMetadata.parse("m.xml", m.toXml()));
    }
  }

  @Test
  void rendersSnapshotMetadataAsMavenResolverDoes() {
    MavenMetadata m =
        MavenMetadata.EMPTY.withSnapshotBuild(
            "com.example",
            "demo",
            "2.0-SNAPSHOT",
            SnapshotBuild.of(NOW, 2),
            Set.of(":jar", ":pom"),
            0);
    String expected =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <metadata modelVersion="1.1.0">
          <groupId>com.example</groupId>
          <artifactId>demo</artifactId>
          <versioning>
            <lastUpdated>20261122102030</lastUpdated>
            <snapshot>
              <timestamp>20261122.102030</timestamp>
              <buildNumber>2</buildNumber>
            </snapshot>
            <snapshotVersions>
              <snapshotVersion>
                <extension>jar</extension>
                <value>2.0-20261122.102030-2</value>
                <updated>20261122102030</updated>
              </snapshotVersion>
              <snapshotVersion>
                <extension>pom</extension>
                <value>2.0-20261122.102030-2</value>
                <updated>20261122102030</updated>
              </snapshotVersion>
            </snapshotVersions>
          </versioning>
          <version>2.0-SNAPSHOT</version>
        </metadata>
        """;
    assertEquals(expected, new String(m.toXml(), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void refusesMetadataWithADoctype() {
    byte[] xml =
        "<!DOCTYPE metadata [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><metadata>&x;</metadata>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assertions.assertThrows(
        io.pinrepo.MalformedPackageException.class, () -> MavenMetadata.parse("m.xml", xml));
  }

  @Test
  void redeployingAListedVersionChangesNothing() {
    MavenMetadata m = deployAll(List.of("1.0", "1.1"));
    assertSame(m, m.withVersion("g", "a", "1.0", NOW.plusSeconds(60)));
  }

  @Test
  void dropsSnapshotEntriesOfBuildsBeyondRetention() {
    MavenMetadata m =
        MavenMetadata.EMPTY.withSnapshotBuild(
            "g", "a", "1-SNAPSHOT", SnapshotBuild.of(NOW, 1), Set.of("tests:jar", ":jar"), 2);
    m = m.withSnapshotBuild("g", "a", "1-SNAPSHOT", SnapshotBuild.of(NOW, 2), Set.of(":jar"), 2);
    assertEquals(2, m.versioning().snapshotVersions().size());
    m = m.withSnapshotBuild("g", "a", "1-SNAPSHOT", SnapshotBuild.of(NOW, 3), Set.of(":jar"), 2);
    assertEquals(
        List.of(":jar"),
        m.versioning().snapshotVersions().stream().map(SnapshotVersion::key).toList());
  }

  private static MavenMetadata deployAll(List<String> versions) {
    MavenMetadata m = MavenMetadata.EMPTY;
    for (String v : versions) {
      m = m.withVersion("g", "a", v, NOW);
    }
    return m;
  }
}
