package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses and messages shared by every command. */
class PinrepoCommandTest {

  @TempDir Path dir;

  @Test
  void helpListsTheCommandsAndExitsZero() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.status());
    for (String command :
        new String[] {"deb", "maven", "pypi", "build", "pointer", "verify", "gc", "serve"}) {
      assertTrue(
          run.out().contains("  " + command + " "), command + " missing from:\n" + run.out());
    }
  }

  @Test
  void aMistypedCommandIsAUsageErrorThatSuggestsTheRealOne() {
    CliRun run = CliRun.of("--debug", "debb", "publish");
    assertEquals(2, run.status());
    assertTrue(run.err().contains("debb") && run.err().contains("deb"), run.err());
  }

  @Test
  void aCommandsHelpNamesItsSubcommands() {
    CliRun run = CliRun.of("--debug", "pypi", "--help");
    assertEquals(0, run.status());
    assertTrue(run.out().contains("publish") && run.out().contains("yank"), run.out());
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithStatusTwo() {
    CliRun run = CliRun.of("gc", "--repo", dir.toString(), "--frobnicate");
    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("Unknown option: '--frobnicate'"), run.err());
  }

  @Test
  void aBadDurationIsAUsageError() {
    CliRun run = CliRun.of("gc", "--repo", dir.toString(), "--grace", "soon");
    assertEquals(2, run.status());
    assertTrue(run.err().contains("'soon' is not a duration"), run.err());
  }

  @Test
  void verifyingAnEmptyDirectoryFailsWithOneLine() {
    CliRun run = CliRun.of("verify", "--repo", dir.toString());
    assertEquals(1, run.status());
    assertEquals("pinrepo: no repository found at " + dir + "\n", run.err());
  }

  @Test
  void aMissingPublicKeyIsOneLineWithoutATrace() {
    Path missing = dir.resolve("nope.asc");
    CliRun run = CliRun.of("verify", "--repo", dir.toString(), "--public-key", missing.toString());
    assertEquals(1, run.status());
    assertEquals("pinrepo: " + missing + ": no such file\n", run.err());
    assertFalse(run.hasStackTrace());
  }

  @Test
  void debugAddsTheStackTrace() {
    Path missing = dir.resolve("nope.asc");
    CliRun run =
        CliRun.of(
            "--debug", "verify", "--repo", dir.toString(), "--public-key", missing.toString());
    assertEquals(1, run.status());
    assertTrue(run.hasStackTrace(), run.err());
  }

  @Test
  void aPublicKeyThatIsNoKeyIsNamed() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.asc"), "not a key");
    CliRun run = CliRun.of("verify", "--repo", dir.toString(), "--public-key", junk.toString());
    assertEquals(1, run.status());
    assertTrue(run.err().startsWith("pinrepo: " + junk + ": "), run.err());
    assertFalse(run.hasStackTrace());
  }

  @Test
  void durationsReadEveryUnit() {
    DurationConverter converter = new DurationConverter();
    assertEquals(Duration.ZERO, converter.convert("0s"));
    assertEquals(Duration.ofMinutes(30), converter.convert("30m"));
    assertEquals(Duration.ofHours(24), converter.convert("24h"));
    assertEquals(Duration.ofDays(7), converter.convert("7d"));
    assertEquals(Duration.ofMillis(250), converter.convert("250ms"));
  }
}
