package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenCommandTest {

  @TempDir Path dir;

  @Test
  void deploysAPomWithClassifiedArtifactsAndListsThem() throws IOException {
    Path repo = dir.resolve("repo");
    CliRun release = deploy(repo, "1.0", "r10");
    CliRun snapshot = deploy(repo, "2.0-SNAPSHOT", "A");

    assertEquals(0, release.status(), release.err());
    assertEquals("deployed com.example:demo:1.0 (4 files)\n", release.out());
    assertTrue(
        snapshot
            .out()
            .matches(
                "deployed com.example:demo:2.0-SNAPSHOT as 2\\.0-\\d{8}\\.\\d{6}-1 \\(4 files\\)\n"),
        snapshot.out());
    assertTrue(
        Files.isRegularFile(repo.resolve("com/example/demo/1.0/demo-1.0-sources.jar.sha512")));
    assertTrue(Files.isRegularFile(repo.resolve("com/example/demo/1.0/demo-1.0.tar.gz")));

    CliRun all = CliRun.of("maven", "list", "--repo", repo.toString());
    assertEquals("com.example:demo\n", all.out());
    CliRun versions = CliRun.of("maven", "list", "--repo", repo.toString(), "com.example:demo");
    assertTrue(
        versions.out().matches("1\\.0\n2\\.0-SNAPSHOT 2\\.0-\\d{8}\\.\\d{6}-1\n"), versions.out());
  }

  @Test
  void prefixFileOptionListsTheGroupsAlreadyThereAndTheNewOne() throws IOException {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve("org/acme/tool/1.0"));
    Files.writeString(repo.resolve("org/acme/tool/1.0/tool-1.0.pom"), "<project/>");
    Path in = Files.createDirectories(dir.resolve("in"));
    Path pom = Files.writeString(in.resolve("demo-1.0.pom"), pom("1.0"));

    CliRun run =
        CliRun.of("maven", "deploy", "--repo", repo.toString(), "--prefix-file", pom.toString());

    assertEquals(0, run.status(), run.err());
    assertEquals(
        "## repository-prefixes/2.0\n/com/example\n/org\n",
        Files.readString(repo.resolve(".meta/prefixes.txt")));
  }

  @Test
  void redeployingOtherBytesForAReleaseFailsWithOneLine() throws IOException {
    Path repo = dir.resolve("repo");
    deploy(repo, "1.0", "r10");
    CliRun again = deploy(repo, "1.0", "different");

    assertEquals(1, again.status());
    assertTrue(again.err().startsWith("pinrepo: com/example/demo/1.0/"), again.err());
    assertFalse(again.hasStackTrace());
  }

  @Test
  void aFileNamedForAnotherArtifactIsRefused() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path pom = Files.writeString(in.resolve("demo-1.0.pom"), pom("1.0"));
    Path stray = Files.write(in.resolve("other-1.0.jar"), new byte[] {1});
    CliRun run =
        CliRun.of(
            "maven",
            "deploy",
            "--repo",
            dir.resolve("r").toString(),
            pom.toString(),
            stray.toString());
    assertEquals(1, run.status());
    assertTrue(run.err().contains("other-1.0.jar"), run.err());
  }

  private CliRun deploy(Path repo, String version, String label) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in-" + version + "-" + label));
    Path pom = Files.writeString(in.resolve("demo-" + version + ".pom"), pom(version));
    Path jar = Files.write(in.resolve("demo-" + version + ".jar"), jar(label));
    Path sources = Files.write(in.resolve("demo-" + version + "-sources.jar"), jar(label + "-src"));
    Path tarball =
        Files.write(
            in.resolve("demo-" + version + ".tar.gz"), label.getBytes(StandardCharsets.UTF_8));
    return CliRun.of(
        "maven",
        "deploy",
        "--repo",
        repo.toString(),
        pom.toString(),
        jar.toString(),
        sources.toString(),
        tarball.toString());
  }

  private static String pom(String version) {
    return "<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>"
        + "<artifactId>demo</artifactId><version>"
        + version
        + "</version></project>";
  }

  private static byte[] jar(String label) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e = new ZipEntry("build.txt");
      e.setTime(315_532_800_000L);
      zip.putNextEntry(e);
      zip.write(("build " + label).getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
