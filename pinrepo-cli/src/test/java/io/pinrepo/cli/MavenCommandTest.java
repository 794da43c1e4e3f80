package io.pinrepo.cli;

import static io.pinrepo.cli.MavenFiles.jar;
import static io.pinrepo.cli.MavenFiles.pom;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.hostile.HostilePoms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
    assertTrue(again.err().startsWith("pinrepo: " + dir.resolve("in-1.0-different")), again.err());
    assertTrue(
        again.err().contains(": com/example/demo/1.0/demo-1.0.jar is already deployed"),
        again.err());
    assertFalse(again.hasStackTrace());
  }

  @Test
  void everyFileNamedForAnotherArtifactIsRefusedAndNothingIsWritten() throws IOException {
    Path repo = dir.resolve("repo");
    deploy(repo, "1.0", "r10");
    Map<String, byte[]> before = contents(repo);
    Path in = Files.createDirectories(dir.resolve("mixed"));
    Path pom = Files.writeString(in.resolve("demo-2.0.pom"), pom("2.0"));
    Path jar = Files.write(in.resolve("demo-2.0.jar"), jar("r20"));
    Path other = Files.write(in.resolve("other-2.0.jar"), jar("other"));
    Path older = Files.write(in.resolve("demo-1.0-sources.jar"), jar("old"));

    CliRun run =
        CliRun.of(
            "maven",
            "deploy",
            "--repo",
            repo.toString(),
            pom.toString(),
            jar.toString(),
            other.toString(),
            older.toString());

    assertEquals(1, run.status());
    assertTrue(
        run.err().startsWith("pinrepo: " + other + ": not a file of com.example:demo:2.0"),
        run.err());
    assertTrue(run.err().contains(older.toString()) || run.err().contains("1 more"), run.err());
    assertFalse(run.hasStackTrace());
    assertSameContent(before, contents(repo));
  }

  @Test
  void aPomWhoseCoordinatesWouldEscapeTheRepositoryIsRefusedInPlainWords() throws IOException {
    Path pom =
        Files.writeString(
            dir.resolve("evil-1.0.pom"),
            "<project><groupId>../../etc</groupId><artifactId>evil</artifactId>"
                + "<version>1.0</version></project>");
    CliRun run =
        CliRun.of("maven", "deploy", "--repo", dir.resolve("r").toString(), pom.toString());

    assertEquals(1, run.status());
    assertEquals(
        "pinrepo: "
            + pom
            + ": invalid groupId '../../etc': only letters, digits, '-' and '_', with single dots"
            + " between parts are allowed\n",
        run.err());
    assertFalse(Files.exists(dir.resolve("r").resolve("etc")));
  }

  @Test
  void invalidCoordinatesGivenOnTheCommandLineAreAUsageError() throws IOException {
    Path pom = Files.writeString(dir.resolve("demo-1.0.pom"), pom("1.0"));
    CliRun run =
        CliRun.of(
            "maven",
            "deploy",
            "--repo",
            dir.resolve("r").toString(),
            "--coordinates",
            "com.example:demo",
            pom.toString());
    assertEquals(2, run.status());
    assertTrue(run.err().contains("--coordinates: not groupId:artifactId:version"), run.err());
  }

  @Test
  void everyHostilePomOrPluginJarIsRefusedWithOneLineAndTheRepositoryKept() throws IOException {
    Path repo = dir.resolve("repo");
    deploy(repo, "1.0", "r10");
    Map<String, byte[]> before = contents(repo);
    for (HostilePoms.Case hostile : HostilePoms.writeAll(dir.resolve("hostile"))) {
      List<String> args = new ArrayList<>(List.of("maven", "deploy", "--repo", repo.toString()));
      hostile.files().forEach(f -> args.add(f.toString()));

      CliRun run = CliRun.of(args.toArray(String[]::new));

      String what = hostile.name() + ": " + run.err();
      assertEquals(1, run.status(), what);
      assertEquals(1, run.err().lines().count(), what);
      assertTrue(run.err().startsWith("pinrepo: " + hostile.culprit()), what);
      assertTrue(run.err().contains(hostile.problem()), what);
      assertFalse(run.err().contains("Exception"), what);
      assertSameContent(before, contents(repo));
    }
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> all = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        all.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return all;
  }

  private static void assertSameContent(Map<String, byte[]> before, Map<String, byte[]> after) {
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
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
}
