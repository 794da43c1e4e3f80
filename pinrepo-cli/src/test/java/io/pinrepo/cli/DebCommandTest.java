package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.deb.DebBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebCommandTest {

  @TempDir Path dir;

  private String deb(DebBuilder builder) throws IOException {
    return builder.writeTo(dir.resolve("debs")).toString();
  }

  private String repo() {
    return dir.resolve("repo").toString();
  }

  @Test
  void publishesListsAndRemoves() throws IOException {
    CliRun publish =
        CliRun.of(
            "deb",
            "publish",
            "--repo",
            repo(),
            "--dist",
            "stable",
            "--origin",
            "Tests",
            deb(DebBuilder.of("hello", "1.0-1", "amd64")),
            deb(DebBuilder.of("hello", "1:0.5", "amd64")),
            deb(DebBuilder.of("docs", "2", "all")));
    assertEquals(0, publish.status(), publish.err());
    assertTrue(
        publish.out().contains("added hello 1.0-1 amd64 pool/main/h/hello/hello_1.0-1_amd64.deb"),
        publish.out());
    assertTrue(Files.exists(dir.resolve("repo/dists/stable/main/binary-amd64/Packages.gz")));
    assertTrue(
        Files.readString(dir.resolve("repo/dists/stable/Release")).startsWith("Origin: Tests\n"));

    CliRun list = CliRun.of("deb", "list", "--repo", repo(), "--dist", "stable");
    assertEquals("docs 2 all\nhello 1.0-1 amd64\nhello 1:0.5 amd64\n", list.out());

    CliRun remove =
        CliRun.of(
            "deb",
            "remove",
            "--repo",
            repo(),
            "--dist",
            "stable",
            "--package",
            "hello",
            "--version",
            "1:0.5-0");
    assertEquals(0, remove.status(), remove.err());
    assertEquals("removed hello 1:0.5 amd64\n", remove.out());
    assertEquals(
        "docs 2 all\nhello 1.0-1 amd64\n",
        CliRun.of("deb", "list", "--repo", repo(), "--dist", "stable").out());
  }

  @Test
  void keepNewestPrunesOlderVersions() throws IOException {
    for (String v : new String[] {"1", "2", "3"}) {
      CliRun run =
          CliRun.of(
              "deb",
              "publish",
              "--repo",
              repo(),
              "--dist",
              "d",
              "--component",
              "c",
              "--keep-newest",
              "2",
              deb(DebBuilder.of("pkg", v, "arm64")));
      assertEquals(0, run.status(), run.err());
    }
    assertEquals(
        "pkg 2 arm64\npkg 3 arm64\n",
        CliRun.of("deb", "list", "--repo", repo(), "--dist", "d").out());
  }

  @Test
  void otherBytesForAListedVersionFailOnOneLine() throws IOException {
    CliRun.of(
        "deb",
        "publish",
        "--repo",
        repo(),
        "--dist",
        "stable",
        deb(DebBuilder.of("hello", "1.0", "amd64")));
    Path rebuilt =
        DebBuilder.of("hello", "1.0", "amd64").file("x", new byte[] {1}).writeTo(dir.resolve("b"));
    CliRun run =
        CliRun.of("deb", "publish", "--repo", repo(), "--dist", "stable", rebuilt.toString());
    assertEquals(1, run.status());
    assertTrue(run.err().startsWith("pinrepo: hello 1.0 (amd64) is already in main"), run.err());
    assertFalse(run.hasStackTrace(), run.err());
    CliRun replace =
        CliRun.of(
            "deb",
            "publish",
            "--repo",
            repo(),
            "--dist",
            "stable",
            "--replace",
            rebuilt.toString());
    assertEquals(0, replace.status(), replace.err());
  }

  @Test
  void aFileThatIsNotADebFailsNamingIt() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.deb"), "junk");
    CliRun run = CliRun.of("deb", "publish", "--repo", repo(), "--dist", "stable", junk.toString());
    assertEquals(1, run.status());
    assertTrue(run.err().startsWith("pinrepo: " + junk + ": "), run.err());
    assertFalse(run.hasStackTrace(), run.err());
  }

  @Test
  void aSubcommandIsRequired() {
    assertEquals(2, CliRun.of("deb").status());
    assertEquals(2, CliRun.of("deb", "publish", "--repo", repo(), "--dist", "stable").status());
  }
}
