package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.python.SdistBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PypiCommandTest {

  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void publishesListsAndYanks() throws Exception {
    Path repo = dir.resolve("repo");
    Path whl = WheelBuilder.of("Demo_Pin", "1.0").writeTo(dir.resolve("in"));
    Path sdist = SdistBuilder.of("demo-pin", "1.1").writeTo(dir.resolve("in"));
    CliRun publish =
        run("pypi", "publish", "--repo", repo.toString(), whl.toString(), sdist.toString());
    assertEquals(0, publish.status(), publish.err());
    assertTrue(publish.out().contains("published demo-pin " + whl.getFileName()), publish.out());
    assertTrue(Files.exists(repo.resolve("simple/demo-pin/index.html")));

    CliRun again = run("pypi", "publish", "--repo", repo.toString(), whl.toString());
    assertTrue(again.out().startsWith("unchanged"), again.out());

    CliRun yank =
        run(
            "pypi",
            "yank",
            "--repo",
            repo.toString(),
            "--project",
            "DEMO.pin",
            "--version",
            "1.0",
            "--reason",
            "broken");
    assertEquals(0, yank.status(), yank.err());

    assertEquals("demo-pin\n", run("pypi", "list", "--repo", repo.toString()).out());
    String files = run("pypi", "list", "--repo", repo.toString(), "demo-pin").out();
    assertTrue(files.contains(whl.getFileName() + "\t"), files);
    assertTrue(
        files
            .lines()
            .filter(l -> l.startsWith("1.0\t"))
            .allMatch(l -> l.endsWith("yanked: broken")),
        files);
  }

  @Test
  void refusesAWheelWhoseMetadataDisagreesWithItsName() throws Exception {
    Path whl = WheelBuilder.of("demo", "1.0").metadataName("other").writeTo(dir);
    CliRun run = run("pypi", "publish", "--repo", dir.resolve("repo").toString(), whl.toString());
    assertEquals(1, run.status());
    assertTrue(run.err().startsWith("pinrepo: " + whl + ": "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void yankOfAnUnknownVersionFails() throws Exception {
    Path repo = dir.resolve("repo");
    run(
        "pypi",
        "publish",
        "--repo",
        repo.toString(),
        WheelBuilder.of("demo", "1.0").writeTo(dir).toString());
    CliRun run =
        run("pypi", "yank", "--repo", repo.toString(), "--project", "demo", "--version", "9");
    assertEquals(1, run.status());
    assertTrue(run.err().contains("no version 9"), run.err());
  }

  @Test
  void yankHasHelp() {
    CliRun run = run("pypi", "yank", "--help");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("--reason"), run.out());
  }

  @Test
  void keepsTheNewestVersionsUnyanksAndDeletes() throws Exception {
    String repo = dir.resolve("repo").toString();
    for (String v : new String[] {"1.0", "1.1", "2.0"}) {
      Path whl = WheelBuilder.of("demo", v).writeTo(dir.resolve("in"));
      assertEquals(
          0, run("pypi", "publish", "--repo", repo, "--keep", "2", whl.toString()).status());
    }
    String files = run("pypi", "list", "--repo", repo, "demo").out();
    assertEquals(2, files.lines().count(), files);
    assertTrue(files.startsWith("1.1\t"), files);

    run("pypi", "yank", "--repo", repo, "--project", "demo", "--version", "2.0");
    assertTrue(run("pypi", "list", "--repo", repo, "demo").out().contains("yanked"));
    assertEquals(
        0, run("pypi", "unyank", "--repo", repo, "--project", "demo", "--version", "2.0").status());
    assertTrue(!run("pypi", "list", "--repo", repo, "demo").out().contains("yanked"));

    CliRun delete =
        run("pypi", "delete-version", "--repo", repo, "--project", "demo", "--version", "1.1");
    assertEquals(0, delete.status(), delete.err());
    assertTrue(run("pypi", "list", "--repo", repo, "demo").out().startsWith("2.0\t"));
  }

  @Test
  void aBatchWithABadFileInTheMiddlePublishesNothing() throws Exception {
    Path repo = dir.resolve("repo");
    Path a = WheelBuilder.of("demo", "1.0").writeTo(dir.resolve("a"));
    Path b = WheelBuilder.of("demo", "1.1").metadataName("other").writeTo(dir.resolve("b"));
    Path c = WheelBuilder.of("demo", "1.2").writeTo(dir.resolve("c"));
    CliRun run =
        run("pypi", "publish", "--repo", repo.toString(), a.toString(), b.toString(), c.toString());
    assertEquals(1, run.status(), run.err());
    assertTrue(run.err().startsWith("pinrepo: " + b + ": "), run.err());
    assertEquals("", run.out());
    assertTrue(!Files.exists(repo.resolve("simple")), "a refused batch wrote into the repository");
  }

  @Test
  void aFileWhoseNameIsTakenByOtherBytesRefusesTheWholeBatch() throws Exception {
    Path repo = dir.resolve("repo");
    Path published = WheelBuilder.of("demo", "1.0").writeTo(dir.resolve("a"));
    assertEquals(
        0, run("pypi", "publish", "--repo", repo.toString(), published.toString()).status());
    Path fresh = WheelBuilder.of("demo", "2.0").writeTo(dir.resolve("b"));
    Path changed = WheelBuilder.of("demo", "1.0").summary("changed").writeTo(dir.resolve("c"));
    CliRun run =
        run("pypi", "publish", "--repo", repo.toString(), fresh.toString(), changed.toString());
    assertEquals(1, run.status(), run.err());
    assertTrue(
        run.err().startsWith("pinrepo: " + changed + ": demo-1.0-py3-none-any.whl is already"),
        run.err());
    assertTrue(!Files.exists(repo.resolve("simple/demo/" + fresh.getFileName())));
  }

  @Test
  void keepPrunesOnAnUnchangedRepublish() throws Exception {
    String repo = dir.resolve("repo").toString();
    Path newest = WheelBuilder.of("demo", "2.0").writeTo(dir.resolve("in"));
    for (String v : new String[] {"1.0", "1.1"}) {
      Path whl = WheelBuilder.of("demo", v).writeTo(dir.resolve("in"));
      assertEquals(0, run("pypi", "publish", "--repo", repo, whl.toString()).status());
    }
    assertEquals(0, run("pypi", "publish", "--repo", repo, newest.toString()).status());

    CliRun again = run("pypi", "publish", "--repo", repo, "--keep", "1", newest.toString());

    assertEquals(0, again.status(), again.err());
    assertEquals(
        List.of(
            "unchanged demo " + newest.getFileName(),
            "dropped   demo demo-1.0-py3-none-any.whl",
            "dropped   demo demo-1.1-py3-none-any.whl"),
        again.out().lines().toList());
    assertEquals(1, run("pypi", "list", "--repo", repo, "demo").out().lines().count());
  }
}
