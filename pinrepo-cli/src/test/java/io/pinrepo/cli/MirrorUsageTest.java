package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mirror}, {@code stats} and the new {@code serve} options say when used wrongly: usage
 * errors exit 2, failures exit 1 with one line naming the flag, never a stack trace.
 */
class MirrorUsageTest {

  @TempDir Path dir;

  @Test
  void helpListsTheMirrorAndStatsCommands() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.status());
    assertTrue(run.out().contains("  mirror "), run.out());
    assertTrue(run.out().contains("  stats "), run.out());
    CliRun mirror = CliRun.of("mirror", "--help");
    assertTrue(
        mirror.out().contains("  serve ") && mirror.out().contains("  expire "), mirror.out());
  }

  @Test
  void expireNeedsExactlyOneRule() {
    String region = "eu=" + dir.resolve("eu");
    CliRun none = CliRun.of("mirror", "expire", "--region", region);
    assertEquals(2, none.status(), none.err());
    assertTrue(
        none.err().contains("--max-bytes") && none.err().contains("--unused-for"), none.err());
    CliRun both =
        CliRun.of(
            "mirror", "expire", "--region", region, "--max-bytes", "1G", "--unused-for", "1d");
    assertEquals(2, both.status(), both.err());
  }

  @Test
  void aBadRegionOrSizeIsAUsageError() {
    CliRun badName = CliRun.of("mirror", "expire", "--region", "e/u=" + dir, "--max-bytes", "1G");
    assertEquals(2, badName.status());
    assertTrue(badName.err().contains("region name 'e/u'"), badName.err());
    CliRun noEquals =
        CliRun.of("mirror", "expire", "--region", dir.toString(), "--max-bytes", "1G");
    assertEquals(2, noEquals.status());
    assertTrue(noEquals.err().contains("is not NAME=VALUE"), noEquals.err());
    CliRun badSize = CliRun.of("mirror", "expire", "--region", "eu=" + dir, "--max-bytes", "lots");
    assertEquals(2, badSize.status());
    assertTrue(badSize.err().contains("'lots' is not a size"), badSize.err());
  }

  @Test
  void aDirectoryRegionWithoutAPublicUrlIsRefusedNamingTheFlags() {
    CliRun run =
        CliRun.of(
            "mirror",
            "serve",
            "--origin",
            dir.resolve("origin").toString(),
            "--region",
            "eu=" + dir.resolve("eu"),
            "--port",
            "0");
    assertEquals(1, run.status(), run.err());
    assertEquals(
        "pinrepo: --region eu="
            + dir.resolve("eu")
            + ": a region that is not on S3 needs --public-url eu=URL, where clients read its"
            + " copies\n",
        run.err());
  }

  @Test
  void redirectingNeedsARepositoryThatCanPresign() {
    CliRun run = CliRun.of("serve", "--repo", dir.toString(), "--redirect", "--port", "0");
    assertEquals(1, run.status(), run.err());
    assertTrue(
        run.err().startsWith("pinrepo: --redirect needs a repository that can presign"), run.err());
    assertFalse(run.hasStackTrace(), run.err());
  }

  @Test
  void statsOfARepositoryWithoutCountsSaysSo() {
    CliRun run = CliRun.of("stats", "--repo", dir.toString());
    assertEquals(0, run.status(), run.err());
    assertEquals("0 requests, 0 bytes (no access counts)\n", run.out());
  }

  @Test
  void emptyExpiryOfAnEmptyRegion() {
    CliRun run =
        CliRun.of("mirror", "expire", "--region", "eu=" + dir, "--unused-for", "7d", "--json");
    assertEquals(0, run.status(), run.err());
    assertTrue(
        run.out().startsWith("{\"region\":\"eu\",\"dryRun\":false,\"expiredBytes\":0"), run.out());
  }
}
