package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.sign.PgpKeyGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pinrepo deb promote} and {@code pinrepo deb history}. */
class DebPromoteCommandTest {

  private static final String PACKAGES = "dists/passed/main/binary-amd64/Packages";

  @TempDir Path dir;
  private Path repo;
  private Path secret;
  private Path publicKey;

  @BeforeEach
  void makeKey() throws IOException {
    repo = dir.resolve("repo");
    PgpKeyGenerator.GeneratedKey key =
        PgpKeyGenerator.generate("Test <t@example.com>", Clock.systemUTC());
    secret = Files.writeString(dir.resolve("secret.asc"), key.armoredSecretKey());
    publicKey = Files.writeString(dir.resolve("public.asc"), key.armoredPublicKey());
  }

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(2, List.of("--repo", repo.toString()));
    return CliRun.of(all.toArray(String[]::new));
  }

  private CliRun ok(String... args) {
    CliRun run = run(args);
    assertEquals(0, run.status(), run.err());
    return run;
  }

  private void publish(String version) throws IOException {
    ok(
        "deb",
        "publish",
        "--dist",
        "current",
        "--sign-key",
        secret.toString(),
        DebBuilder.of("hello", version, "amd64").writeTo(dir.resolve("in")).toString());
  }

  private String promote(String... more) {
    List<String> args = new ArrayList<>(List.of("deb", "promote", "--sign-key", secret.toString()));
    args.addAll(List.of(more));
    return ok(args.toArray(String[]::new)).out();
  }

  @Test
  void promotesRecordsAndRollsBackByRevision() throws IOException {
    publish("1.0");
    assertEquals(
        "promoted current to passed: revision 1 (2 index files)\n",
        promote("--from", "current", "--to", "passed", "--note", "CI run 1"));
    byte[] first = Files.readAllBytes(repo.resolve(PACKAGES));
    assertEquals(
        ok("deb", "list", "--dist", "current").out(), ok("deb", "list", "--dist", "passed").out());
    publish("2.0");
    promote("--from", "current", "--to", "passed");
    assertEquals("hello 1.0 amd64\nhello 2.0 amd64\n", ok("deb", "list", "--dist", "passed").out());

    assertEquals(
        "restored revision 1 of passed as revision 3 (2 index files)\n",
        promote("--to", "passed", "--revision", "1", "--note", "2.0 broke"));

    assertArrayEquals(first, Files.readAllBytes(repo.resolve(PACKAGES)));
    assertEquals("hello 1.0 amd64\n", ok("deb", "list", "--dist", "passed").out());
    List<String> lines = ok("deb", "history", "--dist", "passed").out().lines().toList();
    assertEquals(3, lines.size(), lines::toString);
    assertTrue(lines.get(0).startsWith("1 "), lines.get(0));
    assertTrue(lines.get(0).endsWith(" -- CI run 1"), lines.get(0));
    assertTrue(lines.get(2).contains(" current "), lines.get(2));
    assertTrue(lines.get(2).endsWith(" restores 1 (current) -- 2.0 broke"), lines.get(2));
    JsonNode json =
        new ObjectMapper().readTree(ok("deb", "history", "--dist", "passed", "--json").out());
    assertEquals(3, json.size());
    assertEquals(1, json.get(2).get("restores").asInt());
    assertTrue(json.get(2).get("current").asBoolean());
    assertFalse(json.get(1).get("current").asBoolean());
    assertTrue(json.get(1).get("note").isNull());
    assertEquals(64, json.get(0).get("sourceReleaseSha256").asText().length());
    CliRun verify =
        CliRun.of("verify", "--repo", repo.toString(), "--public-key", publicKey.toString());
    assertEquals(0, verify.status(), verify.out() + verify.err());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("deb", "promote", "--to", "passed").status());
    assertEquals(
        2, run("deb", "promote", "--from", "a", "--revision", "1", "--to", "passed").status());
    assertEquals(2, run("deb", "promote", "--from", "current").status());
    assertEquals(2, run("deb", "history").status());
    CliRun keep = run("deb", "promote", "--from", "a", "--to", "b", "--keep-history", "0");
    assertEquals(2, keep.status());
    assertTrue(keep.err().contains("--keep-history must be at least 1"), keep.err());
  }

  @Test
  void failuresAreOneLine() throws IOException {
    CliRun missing = run("deb", "promote", "--from", "nowhere", "--to", "passed");
    assertEquals(1, missing.status());
    assertTrue(missing.err().startsWith("pinrepo: no distribution 'nowhere' in "), missing.err());
    assertEquals(1, missing.err().lines().count(), missing.err());

    publish("1.0");
    promote("--from", "current", "--to", "passed");
    CliRun none = run("deb", "history", "--dist", "current");
    assertEquals(0, none.status());
    assertEquals("", none.out());
    assertEquals("pinrepo: no promotion of current recorded\n", none.err());
    CliRun revision = run("deb", "promote", "--to", "passed", "--revision", "9");
    assertEquals(1, revision.status());
    assertEquals(
        "pinrepo: dists/passed/pinrepo-promotions: revision 9 is not recorded (it keeps 1 to 1)\n",
        revision.err());
    CliRun unsigned = run("deb", "promote", "--from", "current", "--to", "passed");
    assertEquals(1, unsigned.status());
    assertEquals(1, unsigned.err().lines().count(), unsigned.err());
    assertTrue(unsigned.err().contains("publish with a signing key"), unsigned.err());
    assertFalse(unsigned.hasStackTrace());
  }

  @Test
  void helpSummarisesEachCommandInOneSentence() {
    CliRun deb = CliRun.of("deb", "--help");
    assertEquals(0, deb.status());
    List<String> summaries =
        deb.out().lines().filter(l -> l.matches("\\s+(promote|history)\\s+.*")).toList();
    assertEquals(2, summaries.size(), deb.out());
    summaries.forEach(l -> assertTrue(l.endsWith("."), l));
    CliRun promote = CliRun.of("deb", "promote", "--help");
    assertEquals(0, promote.status());
    assertTrue(promote.out().contains("--revision=N"), promote.out());
    assertEquals(0, CliRun.of("deb", "history", "--help").status());
  }
}
