package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commands that only read (every format's {@code list}, {@code verify}, {@code gc}, {@code serve})
 * on a place that holds no repository: one line, exit 1, and nothing created. A {@code --repo} that
 * looks like a URL pinrepo cannot reach is a usage error, never a local folder.
 */
class ReadOnlyCommandsTest {

  @TempDir Path dir;

  static final List<List<String>> READ_ONLY =
      List.of(
          List.of("deb", "list", "--dist", "stable"),
          List.of("deb", "list", "--dist", "stable", "--json"),
          List.of("maven", "list"),
          List.of("maven", "list", "com.example:demo"),
          List.of("pypi", "list"),
          List.of("pypi", "list", "demo"),
          List.of("verify"),
          List.of("verify", "--json"),
          List.of("gc"),
          List.of("gc", "--dry-run", "--json"),
          List.of("serve", "--port", "0"));

  static String[] args(List<String> command, String repo) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--repo", repo));
    return args.toArray(String[]::new);
  }

  @Test
  void statsOfAMissingDirectoryCreatesNothing() {
    Path missing = dir.resolve("missing");
    CliRun run = CliRun.of("stats", "--repo", missing.toString());
    assertEquals(1, run.status(), run.err());
    assertEquals("pinrepo: no repository at " + missing + " (no such directory)\n", run.err());
    assertFalse(Files.exists(missing), "stats created " + missing);
  }

  @Test
  void aMissingDirectoryIsNoRepositoryAndStaysMissing() {
    Path missing = dir.resolve("missing");
    for (List<String> command : READ_ONLY) {
      CliRun run = CliRun.of(args(command, missing.toString()));
      assertEquals(1, run.status(), command + ": " + run.err());
      assertEquals(
          "pinrepo: no repository at " + missing + " (no such directory)\n",
          run.err(),
          command.toString());
      assertEquals("", run.out(), command.toString());
      assertFalse(Files.exists(missing), command + " created " + missing);
    }
  }

  @Test
  void anEmptyDirectoryIsNoRepositoryAndStaysEmpty() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    for (List<String> command : READ_ONLY) {
      CliRun run = CliRun.of(args(command, "file:" + empty));
      assertEquals(1, run.status(), command + ": " + run.err());
      assertEquals(
          "pinrepo: no repository at file:" + empty + " (nothing published there)\n",
          run.err(),
          command.toString());
      try (Stream<Path> entries = Files.list(empty)) {
        assertEquals(List.of(), entries.toList(), command + " wrote into the directory");
      }
    }
  }

  @Test
  void aFileIsNoRepository() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "hello");
    CliRun run = CliRun.of("verify", "--repo", file.toString());
    assertEquals("pinrepo: no repository at " + file + " (not a directory)\n", run.err());
    assertEquals(1, run.status());
  }

  @Test
  void anExistingRepositoryStillListsAndLeavesNoTrace() throws IOException {
    Path repo = dir.resolve("repo");
    assertEquals(0, CliRun.of("demo", repo.toString(), "--no-serve").status());
    List<Path> before = files(repo);
    CliRun list = CliRun.of("pypi", "list", "--repo", repo.toString());
    assertEquals(0, list.status(), list.err());
    assertEquals(DemoCommand.NAME + "\n", list.out());
    assertEquals(0, CliRun.of("maven", "list", "--repo", repo.toString()).status());
    assertEquals(before, files(repo));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3:/b",
        "s3:b",
        "s3://",
        "s3:///x",
        "s3://B",
        "S3://bucket",
        "http://example.com/repo",
        "gs://bucket",
        "file:",
        ""
      })
  void aRepositoryThatIsNeitherADirectoryNorAnS3UrlIsAUsageError(String repo) {
    for (List<String> command :
        List.of(
            List.of("verify"),
            List.of("deb", "publish", "--dist", "stable", "x_1.0_all.deb"),
            List.of("pypi", "list"))) {
      CliRun run = CliRun.of(args(command, repo));
      assertEquals(2, run.status(), command + " --repo '" + repo + "': " + run.err());
      assertTrue(
          run.err().startsWith("Invalid value for option '--repo': "), command + ": " + run.err());
      assertFalse(run.hasStackTrace(), run.err());
    }
    if (!repo.isEmpty()) {
      assertFalse(Files.exists(Path.of(repo)), "a local folder '" + repo + "' was created");
      assertFalse(Files.exists(Path.of(repo.substring(0, repo.indexOf(':') + 1))));
    }
  }

  @Test
  void aDirectoryNamedLikeAUrlIsReachableAsAPath() throws IOException {
    Path odd = dir.resolve("s3:b");
    assertEquals(0, CliRun.of("demo", odd.toString(), "--no-serve").status());
    CliRun run = CliRun.of("pypi", "list", "--repo", odd.toString());
    assertEquals(0, run.status(), run.err());
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.sorted().toList();
    }
  }
}
