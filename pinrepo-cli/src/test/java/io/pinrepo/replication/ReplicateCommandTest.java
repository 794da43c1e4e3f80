package io.pinrepo.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinrepo.cli.Pinrepo;
import io.pinrepo.debian.PackageRef;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.pypi.PypiRepository;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pinrepo replicate}: its output, its usage errors and failures, and {@code --watch}. */
class ReplicateCommandTest {

  @TempDir Path dir;

  /** One in-process run. */
  private record Run(int status, String out, String err) {
    static Run of(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int status = Pinrepo.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
      return new Run(status, out.toString(), err.toString());
    }
  }

  @Test
  void helpListsReplicateWithOneSentence() {
    Run run = Run.of("--help");
    assertEquals(0, run.status());
    assertTrue(
        run.out()
            .contains(
                "  replicate  Copy a repository to another storage, never torn for readers.\n"),
        run.out());
  }

  @Test
  void aDryRunReportsWhatItWouldCopyAndWritesNothing() throws Exception {
    Path source = dir.resolve("source");
    Repos repos = Repos.in(dir.resolve("work"));
    try (FileSystemStorage storage = FileSystemStorage.open(source)) {
      repos.everyFormat(storage, 0);
    }
    Path target = dir.resolve("target");
    Run run =
        Run.of(
            "replicate",
            "--from",
            source.toString(),
            "--to",
            target.toString(),
            "--dry-run",
            "--json");
    assertEquals(0, run.status(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertTrue(json.get("dryRun").asBoolean());
    assertTrue(json.get("copied").asLong() > 20, run.out());
    assertEquals(0, json.get("deleted").asLong());
    try (FileSystemStorage storage = FileSystemStorage.open(target)) {
      assertEquals(java.util.Set.of(), Repos.keys(storage), "a dry run wrote");
    }

    Run real = Run.of("replicate", "--from", source.toString(), "--to", target.toString());
    assertEquals(0, real.status(), real.err());
    assertTrue(
        real.out().startsWith("copied " + json.get("copied").asLong() + " file(s), "), real.out());
  }

  @Test
  void oneProjectIsPromotedByTheCommandLine() throws Exception {
    Path staging = dir.resolve("staging");
    Path public_ = dir.resolve("public");
    Repos repos = Repos.in(dir.resolve("work"));
    try (FileSystemStorage s = FileSystemStorage.open(staging);
        FileSystemStorage p = FileSystemStorage.open(public_)) {
      repos.wheel(s, "demo-lib", "1.0");
      repos.wheel(s, "unready", "0.1");
      repos.wheel(p, "mine", "2.0");
    }
    Run run =
        Run.of(
            "replicate",
            "--from",
            staging.toString(),
            "--to",
            public_.toString(),
            "--project",
            "demo-lib");
    assertEquals(0, run.status(), run.err());
    try (FileSystemStorage p = FileSystemStorage.open(public_)) {
      assertEquals(
          List.of("demo-lib", "mine"),
          PypiRepository.on(p).projects().stream().map(Object::toString).toList());
      assertEquals(List.of(), Repos.problems(p, false));
    }
  }

  @Test
  void usageErrorsAreOneLineAndExitTwo() {
    String from = dir.resolve("a").toString();
    String to = dir.resolve("b").toString();
    assertUsage(
        "--dist, --project and --group exclude each other: name one part",
        "replicate",
        "--from",
        from,
        "--to",
        to,
        "--dist",
        "stable",
        "--group",
        "g");
    assertUsage(
        "--grace applies to --delete, which is not given",
        "replicate",
        "--from",
        from,
        "--to",
        to,
        "--grace",
        "1h");
    assertUsage("Missing required option: '--to=REPO'", "replicate", "--from", from);
    assertUsage(
        "Invalid value for option '--watch': 'soon' is not a duration such as 0s, 30m, 24h or 7d",
        "replicate",
        "--from",
        from,
        "--to",
        to,
        "--watch",
        "soon");
    assertUsage(
        "--dist 'two words': not a name",
        "replicate",
        "--from",
        from,
        "--to",
        to,
        "--dist",
        "two words");
  }

  private static void assertUsage(String message, String... args) {
    Run run = Run.of(args);
    assertEquals(2, run.status(), run.err());
    assertEquals("pinrepo: " + message + " (see pinrepo replicate --help)\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void failuresAreOneLineWithoutJavaNames() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    Run run =
        Run.of(
            "replicate",
            "--from",
            dir.resolve("empty").toString(),
            "--to",
            dir.resolve("b").toString());
    assertEquals(1, run.status(), run.err());
    assertEquals("pinrepo: no repository found at file:" + dir.resolve("empty") + "\n", run.err());

    Path source = dir.resolve("source");
    try (FileSystemStorage storage = FileSystemStorage.open(source)) {
      Repos.in(dir.resolve("work")).wheel(storage, "demo-lib", "1.0");
    }
    Run scope =
        Run.of(
            "replicate",
            "--from",
            source.toString(),
            "--to",
            dir.resolve("b").toString(),
            "--dist",
            "stable");
    assertEquals(1, scope.status(), scope.err());
    assertEquals(1, scope.err().lines().count(), scope.err());
    assertTrue(scope.err().startsWith("pinrepo: --dist selects nothing in "), scope.err());
    assertFalse(scope.err().contains("Exception"), scope.err());
  }

  @Test
  void watchCopiesWhatIsPublishedIntoTheSourceUntilStopped() throws Exception {
    Path sourceDir = dir.resolve("source");
    Path targetDir = dir.resolve("target");
    Repos repos = Repos.in(dir.resolve("work"));
    try (FileSystemStorage source = FileSystemStorage.open(sourceDir)) {
      repos.deb(source, "stable", "hello", "1.0");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Pinrepo.class.getName(),
                "replicate",
                "--from",
                sourceDir.toString(),
                "--to",
                targetDir.toString(),
                "--watch",
                "100ms",
                "--json"));
    Path stderr = dir.resolve("watch.err");
    Process watch = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    try {
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
                  out.lines().forEach(lines::add);
                } catch (java.io.IOException e) {
                  lines.add("read failed: " + e);
                }
              });
      reader.setDaemon(true);
      reader.start();
      String first = lines.poll(2, TimeUnit.MINUTES);
      assertTrue(first != null && first.contains("\"copied\":"), first + Files.readString(stderr));

      try (FileSystemStorage source = FileSystemStorage.open(sourceDir)) {
        repos.deb(source, "stable", "hello", "2.0");
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      boolean replicated = false;
      while (!replicated && System.nanoTime() < deadline) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        assertTrue(line != null, "no run after the publish: " + Files.readString(stderr));
        try (FileSystemStorage target = FileSystemStorage.open(targetDir)) {
          replicated =
              repos.apt(target).list("stable").stream()
                  .map(PackageRef::version)
                  .anyMatch("2.0"::equals);
          if (replicated) {
            assertEquals(List.of(), repos.signedProblems(target, false));
          }
        }
      }
      assertTrue(replicated, "hello 2.0 never reached the target");
    } finally {
      watch.destroy();
      assertTrue(watch.waitFor(2, TimeUnit.MINUTES), "replicate --watch did not stop on SIGTERM");
    }
    assertFalse(Files.readString(stderr).contains("\tat "), Files.readString(stderr));
  }
}
