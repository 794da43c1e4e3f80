package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.sign.PgpKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pinrepo verify} and {@code pinrepo gc} on a repository made with the command line: a
 * signed .deb distribution, a PyPI project and a signed Maven GA side by side.
 */
class VerifyAndGcCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WHEEL_1 = "simple/demo/demo-1.0-py3-none-any.whl";
  private static final String GONE_DEB = "pool/main/g/gone/gone_1.0_amd64.deb";
  private static final String HELLO_DEB = "pool/main/h/hello/hello_1.0_amd64.deb";
  private static final String POM_SHA1 = "com/example/demo/1.0/demo-1.0.pom.sha1";

  @TempDir Path dir;
  private Path repo;
  private Path publicKey;

  @BeforeEach
  void publishWithTheCommandLine() throws IOException {
    repo = dir.resolve("repo");
    PgpKeyGenerator.GeneratedKey key =
        PgpKeyGenerator.generate("Test <t@example.com>", Clock.systemUTC());
    Path secret = Files.writeString(dir.resolve("secret.asc"), key.armoredSecretKey());
    publicKey = Files.writeString(dir.resolve("public.asc"), key.armoredPublicKey());
    Path in = Files.createDirectories(dir.resolve("in"));
    ok(
        "deb",
        "publish",
        "--repo",
        repo.toString(),
        "--dist",
        "stable",
        "--sign-key",
        secret.toString(),
        DebBuilder.of("hello", "1.0", "amd64").writeTo(in).toString(),
        DebBuilder.of("gone", "1.0", "amd64").writeTo(in).toString());
    ok(
        "pypi",
        "publish",
        "--repo",
        repo.toString(),
        WheelBuilder.of("demo", "1.0").writeTo(in).toString(),
        WheelBuilder.of("demo", "2.0").writeTo(in).toString());
    Path pom =
        Files.writeString(
            in.resolve("demo-1.0.pom"),
            "<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>"
                + "<artifactId>demo</artifactId><version>1.0</version></project>");
    ok(
        "maven",
        "deploy",
        "--repo",
        repo.toString(),
        "--sign-key",
        secret.toString(),
        pom.toString());
  }

  @Test
  void aCleanRepositoryVerifiesWithStatusZero() throws IOException {
    CliRun run =
        CliRun.of("verify", "--repo", repo.toString(), "--public-key", publicKey.toString());
    assertEquals(0, run.status(), run.out() + run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains("clean"), run.err());

    JsonNode report = json("verify", "--repo", repo.toString(), "--json");
    assertTrue(report.get("clean").asBoolean(), report.toString());
    assertEquals(0, report.get("problems").size());
    List<String> formats = new ArrayList<>();
    report.get("formats").forEach(f -> formats.add(f.asText()));
    assertTrue(formats.containsAll(List.of("apt", "pypi")), formats.toString());
  }

  @Test
  void withoutAPublicKeyVerifySaysTheSignaturesWentUnchecked() throws IOException {
    CliRun run = CliRun.of("verify", "--repo", repo.toString());
    assertEquals(0, run.status(), run.out() + run.err());
    List<String> notes = run.err().lines().filter(l -> l.contains("not checked")).toList();
    assertEquals(1, notes.size(), run.err());
    // The dist's Release.gpg and the POM's .asc, at least.
    assertTrue(
        notes.get(0).matches("pinrepo: ([2-9]|\\d\\d+) signature\\(s\\) not checked: .*"),
        notes.get(0));
    assertTrue(notes.get(0).contains("give --public-key FILE"), notes.get(0));
    assertTrue(run.err().contains("clean"), run.err());

    JsonNode report = json("verify", "--repo", repo.toString(), "--json");
    assertFalse(report.get("signaturesChecked").asBoolean());

    CliRun checked =
        CliRun.of("verify", "--repo", repo.toString(), "--public-key", publicKey.toString());
    assertFalse(checked.err().contains("not checked"), checked.err());
    assertTrue(
        json("verify", "--repo", repo.toString(), "--public-key", publicKey.toString(), "--json")
            .get("signaturesChecked")
            .asBoolean());
  }

  @Test
  void anUnsignedRepositoryHasNoSignaturesToMention() throws IOException {
    Path unsigned = dir.resolve("unsigned");
    ok(
        "pypi",
        "publish",
        "--repo",
        unsigned.toString(),
        WheelBuilder.of("solo", "1.0").writeTo(dir.resolve("solo")).toString());
    CliRun run = CliRun.of("verify", "--repo", unsigned.toString());
    assertEquals(0, run.status(), run.err());
    assertFalse(run.err().contains("not checked"), run.err());
  }

  @Test
  void aGraceUnderAnHourIsAcceptedWithAWarningThatSaysWhy() {
    CliRun zero = CliRun.of("gc", "--repo", repo.toString(), "--dry-run", "--grace", "0s");
    assertEquals(0, zero.status(), zero.err());
    String warning = zero.err().lines().findFirst().orElse("");
    assertTrue(warning.startsWith("pinrepo: warning: --grace 0s is under an hour"), zero.err());
    assertTrue(warning.contains("not yet committed"), warning);
    CliRun fiftyNine = CliRun.of("gc", "--repo", repo.toString(), "--dry-run", "--grace", "59m");
    assertTrue(fiftyNine.err().contains("--grace 59m is under an hour"), fiftyNine.err());
    for (String grace : List.of("1h", "24h")) {
      CliRun safe = CliRun.of("gc", "--repo", repo.toString(), "--dry-run", "--grace", grace);
      assertFalse(safe.err().contains("warning"), safe.err());
      assertTrue(safe.err().contains("younger than " + grace), safe.err());
    }
    CliRun byDefault = CliRun.of("gc", "--repo", repo.toString(), "--dry-run");
    assertFalse(byDefault.err().contains("warning"), byDefault.err());
  }

  @Test
  void anotherKeyFailsTheSignatureCheck() throws IOException {
    PgpKeyGenerator.GeneratedKey other =
        PgpKeyGenerator.generate("Other <o@example.com>", Clock.systemUTC());
    Path otherKey = Files.writeString(dir.resolve("other.asc"), other.armoredPublicKey());
    CliRun run =
        CliRun.of("verify", "--repo", repo.toString(), "--public-key", otherKey.toString());
    assertEquals(1, run.status(), run.out() + run.err());
    assertTrue(run.out().contains("dists/stable/InRelease"), run.out());
    assertFalse(run.hasStackTrace(), run.err());
  }

  @Test
  void eachCorruptionIsOneLineNamingItsFile() throws IOException {
    Path deb = repo.resolve(HELLO_DEB);
    byte[] bytes = Files.readAllBytes(deb);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(deb, bytes);
    Files.delete(repo.resolve(WHEEL_1));

    CliRun run = CliRun.of("verify", "--repo", repo.toString());
    assertEquals(1, run.status(), run.out() + run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(2, lines.size(), run.out());
    assertTrue(lines.stream().anyMatch(l -> l.contains(HELLO_DEB)), run.out());
    assertTrue(lines.stream().anyMatch(l -> l.contains(WHEEL_1)), run.out());
    assertTrue(run.err().contains("2 problem(s)"), run.err());
    assertFalse(run.hasStackTrace(), run.err());

    JsonNode report = json("verify", "--repo", repo.toString(), "--json");
    assertFalse(report.get("clean").asBoolean());
    List<String> keys = new ArrayList<>();
    report.get("problems").forEach(p -> keys.add(p.get("key").asText()));
    assertEquals(List.of(HELLO_DEB, WHEEL_1), keys.stream().sorted().toList());
  }

  @Test
  void aCorruptMavenChecksumIsNamed() throws IOException {
    JsonNode before = json("verify", "--repo", repo.toString(), "--json");
    List<String> formats = new ArrayList<>();
    before.get("formats").forEach(f -> formats.add(f.asText()));
    assumeTrue(formats.contains("maven"), "verify does not check Maven yet (no MavenFormat)");
    Files.writeString(repo.resolve(POM_SHA1), "0".repeat(40));
    CliRun run = CliRun.of("verify", "--repo", repo.toString());
    assertEquals(1, run.status(), run.out() + run.err());
    assertEquals(1, run.out().lines().count(), run.out());
    assertTrue(run.out().contains(POM_SHA1), run.out());
  }

  @Test
  void aDryRunListsWhatWouldGoAndDeletesNothing() throws IOException {
    removeGoneAndDemo1();
    List<Path> before = files();
    CliRun dry = CliRun.of("gc", "--repo", repo.toString(), "--dry-run", "--grace", "0s");
    assertEquals(0, dry.status(), dry.err());
    assertTrue(dry.out().contains("would delete " + WHEEL_1 + " "), dry.out());
    assertTrue(dry.out().contains("would delete " + WHEEL_1 + ".metadata "), dry.out());
    assertFalse(dry.out().contains(HELLO_DEB), dry.out());
    // The index superseded by the remove stays fetchable by hash for a day, for clients holding
    // the previous InRelease, and so does every package it names.
    assertFalse(dry.out().contains(GONE_DEB), dry.out());
    assertEquals(before, files());

    JsonNode result = json("gc", "--repo", repo.toString(), "--dry-run", "--grace", "0s", "--json");
    assertTrue(result.get("dryRun").asBoolean());
    List<String> keys = new ArrayList<>();
    long bytes = 0;
    for (JsonNode c : result.get("collected")) {
      keys.add(c.get("key").asText());
      bytes += c.get("size").asLong();
    }
    assertEquals(List.of(WHEEL_1, WHEEL_1 + ".metadata"), keys);
    assertEquals(bytes, result.get("collectedBytes").asLong());
    assertEquals(before, files());
  }

  @Test
  void gcWithNoGraceDeletesRemovedFilesNoIndexNamesAndKeepsTheRepositoryClean() throws IOException {
    removeGoneAndDemo1();
    CliRun young = CliRun.of("gc", "--repo", repo.toString());
    assertEquals(0, young.status(), young.err());
    assertEquals("", young.out(), "the default grace of 24h spares files written just now");
    assertTrue(Files.exists(repo.resolve(WHEEL_1)));

    CliRun gc = CliRun.of("gc", "--repo", repo.toString(), "--grace", "0s");
    assertEquals(0, gc.status(), gc.err());
    assertEquals(
        List.of("deleted " + WHEEL_1, "deleted " + WHEEL_1 + ".metadata"),
        gc.out().lines().map(l -> l.substring(0, l.lastIndexOf(' '))).toList());
    assertFalse(Files.exists(repo.resolve(WHEEL_1)));
    assertFalse(Files.exists(repo.resolve(WHEEL_1 + ".metadata")));
    // Still named by the index the remove superseded, kept by hash for a day.
    assertTrue(Files.exists(repo.resolve(GONE_DEB)));
    assertTrue(Files.exists(repo.resolve(HELLO_DEB)));
    CliRun verify =
        CliRun.of("verify", "--repo", repo.toString(), "--public-key", publicKey.toString());
    assertEquals(0, verify.status(), verify.out() + verify.err());

    JsonNode again = json("gc", "--repo", repo.toString(), "--grace", "0s", "--json");
    assertFalse(again.get("dryRun").asBoolean());
    List<String> keys = new ArrayList<>();
    again.get("collected").forEach(c -> keys.add(c.get("key").asText()));
    assertFalse(keys.contains(GONE_DEB), keys.toString());
    assertFalse(
        keys.stream().anyMatch(k -> k.startsWith("pool/") || k.endsWith(".whl")), keys.toString());
  }

  private void removeGoneAndDemo1() {
    ok(
        "deb",
        "remove",
        "--repo",
        repo.toString(),
        "--dist",
        "stable",
        "--sign-key",
        dir.resolve("secret.asc").toString(),
        "--package",
        "gone");
    ok(
        "pypi",
        "delete-version",
        "--repo",
        repo.toString(),
        "--project",
        "demo",
        "--version",
        "1.0");
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(repo)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static JsonNode json(String... args) throws IOException {
    CliRun run = CliRun.of(args);
    assertEquals(1, run.out().lines().count(), "one JSON document: " + run.out());
    return JSON.readTree(run.out().getBytes(StandardCharsets.UTF_8));
  }

  private static void ok(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.status(), String.join(" ", args) + ": " + run.err());
  }
}
