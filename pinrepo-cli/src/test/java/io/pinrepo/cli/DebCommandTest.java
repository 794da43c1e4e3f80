package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.hash.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
    assertTrue(
        run.err()
            .startsWith("pinrepo: " + rebuilt + ": hello 1.0 (amd64) is already in stable/main"),
        run.err());
    assertTrue(run.err().strip().endsWith("publish with --replace to replace it"), run.err());
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

  private CliRun publish(String... args) {
    List<String> all =
        new ArrayList<>(List.of("deb", "publish", "--repo", repo(), "--dist", "stable"));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir.resolve("repo"))) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            dir.resolve("repo").relativize(f).toString(),
            Digests.of(Files.readAllBytes(f)).sha256());
      }
    }
    return files;
  }

  @Test
  void aRefusedBatchWritesNothingAndNamesTheBadFiles() throws IOException {
    assertEquals(0, publish(deb(DebBuilder.of("hello", "1.0", "amd64"))).status());
    Map<String, String> before = snapshot();
    Path rebuilt =
        DebBuilder.of("hello", "1.0", "amd64").file("x", new byte[] {1}).writeTo(dir.resolve("b"));
    Path junk = Files.writeString(dir.resolve("junk.deb"), "junk");
    CliRun run =
        publish(deb(DebBuilder.of("fresh", "1", "amd64")), junk.toString(), rebuilt.toString());
    assertEquals(1, run.status(), run.err());
    assertTrue(run.err().startsWith("pinrepo: " + junk + ": "), run.err());
    assertFalse(run.hasStackTrace(), run.err());
    assertEquals(before, snapshot());
  }

  @Test
  void keepNewestPrunesWhenTheFileIsAlreadyPublished() throws IOException {
    String one = deb(DebBuilder.of("pkg", "1", "amd64"));
    String two = deb(DebBuilder.of("pkg", "2", "amd64"));
    assertEquals(0, publish(one, two).status());
    CliRun again = publish("--keep-newest", "1", two);
    assertEquals(0, again.status(), again.err());
    assertEquals("unchanged pkg 2 amd64\nremoved pkg 1 amd64\n", again.out());
    assertEquals(
        "pkg 2 amd64\n", CliRun.of("deb", "list", "--repo", repo(), "--dist", "stable").out());
  }

  @Test
  void publishesAUdebUnderDebianInstaller() throws IOException {
    CliRun run = publish(deb(DebBuilder.of("di-pin", "1.0", "amd64").udeb()));
    assertEquals(0, run.status(), run.err());
    assertEquals("added di-pin 1.0 amd64 pool/main/d/di-pin/di-pin_1.0_amd64.udeb\n", run.out());
    assertTrue(
        Files.readString(
                dir.resolve("repo/dists/stable/main/debian-installer/binary-amd64/Packages"))
            .contains("Package: di-pin\n"));
  }

  @Test
  void purgeDeletesThePoolFileNowAndVerifyStaysClean() throws IOException {
    assertEquals(
        0,
        publish(
                deb(DebBuilder.of("hello", "1.0", "amd64")),
                deb(DebBuilder.of("hello", "2.0", "amd64")))
            .status());
    Path old = dir.resolve("repo/pool/main/h/hello/hello_1.0_amd64.deb");
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
            "1.0");
    assertEquals(0, remove.status(), remove.err());
    assertTrue(Files.exists(old), "remove leaves the file for the by-hash retention");
    CliRun purge =
        CliRun.of(
            "deb",
            "purge",
            "--repo",
            repo(),
            "--dist",
            "stable",
            "--package",
            "hello",
            "--version",
            "1.0");
    assertEquals(0, purge.status(), purge.err());
    assertEquals(
        "purged hello 1.0 amd64\ndeleted pool/main/h/hello/hello_1.0_amd64.deb\n", purge.out());
    assertFalse(Files.exists(old));
    CliRun verify = CliRun.of("verify", "--repo", repo());
    assertEquals(0, verify.status(), verify.out() + verify.err());
    CliRun nothing =
        CliRun.of("deb", "purge", "--repo", repo(), "--dist", "stable", "--package", "absent");
    assertEquals(0, nothing.status(), nothing.err());
    assertTrue(nothing.err().contains("nothing matched"), nothing.err());
  }

  @Test
  void byHashRetentionIsAnOption() throws IOException {
    assertEquals(0, publish(deb(DebBuilder.of("one", "1", "amd64"))).status());
    assertEquals(
        0, publish("--by-hash-retention", "0s", deb(DebBuilder.of("two", "1", "amd64"))).status());
    Path record = dir.resolve("repo/dists/stable/pinrepo-superseded");
    assertFalse(Files.exists(record), "0s records no superseded index");
    assertEquals(
        0,
        publish("--by-hash-retention", "2h", deb(DebBuilder.of("three", "1", "amd64"))).status());
    String line = Files.readString(record).lines().findFirst().orElseThrow();
    long until = Long.parseLong(line.substring(0, line.indexOf(' ')));
    long now = java.time.Instant.now().getEpochSecond();
    assertTrue(until > now + 3600 && until <= now + 7200, line);
    CliRun bad = publish("--by-hash-retention", "soon", deb(DebBuilder.of("four", "1", "amd64")));
    assertEquals(2, bad.status(), bad.err());
  }

  @Test
  void helpWorksForEverySubcommand() {
    for (String sub : List.of("publish", "remove", "purge", "list")) {
      CliRun help = CliRun.of("deb", sub, "-h");
      assertEquals(0, help.status(), sub + ": " + help.err());
      assertTrue(help.out().contains("Usage: pinrepo deb " + sub), help.out());
    }
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
