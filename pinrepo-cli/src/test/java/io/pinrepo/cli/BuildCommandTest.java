package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinrepo.s3.S3ProxyFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pinrepo build} and {@code pinrepo pointer}: publish, point, watch and fetch on a directory
 * and on the S3 server in this JVM; the errors a deploy script branches on.
 */
class BuildCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Runs the command line with the repository options appended. */
  private record Repo(List<String> options) {
    String[] args(String... command) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(options);
      return args.toArray(String[]::new);
    }

    CliRun run(String... command) {
      return CliRun.of(args(command));
    }

    CliRun ok(String... command) {
      CliRun run = run(command);
      assertEquals(0, run.status(), String.join(" ", command) + ": " + run.err());
      return run;
    }
  }

  private Repo directory() {
    return new Repo(List.of("--repo", dir.resolve("repo").toString()));
  }

  private Path file(String name, String content) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in-" + content.hashCode()));
    return Files.writeString(in.resolve(name), content);
  }

  private void publish(Repo repo, String version) throws IOException {
    repo.ok(
        "build",
        "publish",
        "--name",
        "web",
        "--version",
        version,
        "--meta",
        "commit=c" + version,
        file("app.tar.gz", "app " + version).toString(),
        file("app.yaml", "port: 80 # " + version).toString());
  }

  @Test
  void publishPointWatchAndGetOnADirectory() throws Exception {
    flow(directory());
  }

  @Test
  void publishPointWatchAndGetOnS3() throws Exception {
    try (S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"))) {
      System.setProperty("aws.accessKeyId", S3ProxyFixture.ACCESS_KEY);
      System.setProperty("aws.secretAccessKey", S3ProxyFixture.SECRET_KEY);
      flow(
          new Repo(
              List.of(
                  "--repo",
                  "s3://" + S3ProxyFixture.BUCKET + "/deploy",
                  "--s3-endpoint",
                  s3.endpoint().toString(),
                  "--s3-region",
                  "us-east-1",
                  "--s3-path-style")));
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  private void flow(Repo repo) throws Exception {
    publish(repo, "1.0");
    CliRun again =
        repo.ok(
            "build",
            "publish",
            "--name",
            "web",
            "--version",
            "1.0",
            "--meta",
            "commit=c1.0",
            file("app.tar.gz", "app 1.0").toString(),
            file("app.yaml", "port: 80 # 1.0").toString());
    assertTrue(again.out().startsWith("unchanged web 1.0: 2 file(s)"), again.out());
    publish(repo, "1.1");
    CliRun list = repo.ok("build", "list", "--name", "web");
    assertEquals(List.of("1.1", "1.0"), firstColumn(list.out()));
    JsonNode listed = JSON.readTree(repo.ok("build", "list", "--name", "web", "--json").out());
    assertEquals("1.1", listed.get(0).get("version").asText());

    CliRun set =
        repo.ok("pointer", "set", "--name", "web", "--pointer", "prod", "--version", "1.0");
    assertEquals("web prod: (unset) -> 1.0\n", set.out());
    assertEquals("1.0\n", repo.ok("pointer", "get", "--name", "web", "--pointer", "prod").out());

    // A node watches; the change is reported on its next poll.
    LineQueue watched = new LineQueue();
    StringWriter watchErr = new StringWriter();
    int[] watchStatus = {-1};
    Thread watch =
        new Thread(
            () ->
                watchStatus[0] =
                    Pinrepo.execute(
                        repo.args(
                            "pointer",
                            "watch",
                            "--name",
                            "web",
                            "--pointer",
                            "prod",
                            "--interval",
                            "200ms",
                            "--changes",
                            "1"),
                        new PrintWriter(watched, true),
                        new PrintWriter(watchErr, true)));
    watch.start();
    assertEquals("1.0", watched.take());
    CliRun move =
        repo.ok(
            "pointer",
            "set",
            "--name",
            "web",
            "--pointer",
            "prod",
            "--version",
            "1.1",
            "--expect",
            "1.0",
            "--note",
            "release 1.1");
    assertEquals("web prod: 1.0 -> 1.1\n", move.out());
    assertEquals("1.1", watched.take());
    watch.join();
    assertEquals(0, watchStatus[0], watchErr.toString());

    JsonNode history =
        JSON.readTree(
            repo.ok("pointer", "history", "--name", "web", "--pointer", "prod", "--json").out());
    assertEquals(2, history.size());
    assertEquals("1.0", history.get(0).get("from").asText());
    assertEquals("release 1.1", history.get(0).get("note").asText());
    assertTrue(history.get(1).get("from").isNull());
    JsonNode pointer =
        JSON.readTree(
            repo.ok("pointer", "get", "--name", "web", "--pointer", "prod", "--json").out());
    assertEquals(2, pointer.get("seq").asInt());
    assertFalse(pointer.get("token").asText().isEmpty());

    Path dest = dir.resolve("node/web");
    CliRun get =
        repo.ok("build", "get", "--name", "web", "--pointer", "prod", "--dest", dest.toString());
    assertTrue(get.out().startsWith("fetched web 1.1 into " + dest), get.out());
    assertEquals("port: 80 # 1.1", Files.readString(dest.resolve("app.yaml")));
    repo.ok(
        "build",
        "get",
        "--name",
        "web",
        "--version",
        "1.0",
        "--dest",
        dir.resolve("v10").toString());
    assertEquals("app 1.0", Files.readString(dir.resolve("v10/app.tar.gz")));

    CliRun verify = repo.ok("verify");
    assertTrue(verify.err().contains("build"), verify.err());
  }

  @Test
  void racingExpectationsAndMissingBuildsAreOneLineFailures() throws Exception {
    Repo repo = directory();
    publish(repo, "1");
    publish(repo, "2");
    repo.ok("pointer", "set", "--name", "web", "--pointer", "prod", "--version", "2");
    assertFailure(
        repo.run(
            "pointer",
            "set",
            "--name",
            "web",
            "--pointer",
            "prod",
            "--version",
            "1",
            "--expect",
            "1"),
        "pinrepo: web prod points at 2, not 1 as expected: someone else moved it");
    assertFailure(
        repo.run("pointer", "set", "--name", "web", "--pointer", "prod", "--version", "9"),
        "pinrepo: no build web 9");
    Path half = Files.createDirectories(dir.resolve("repo/builds/web/versions/3/files"));
    Files.writeString(half.resolve("app.tar.gz"), "half");
    assertFailure(
        repo.run("pointer", "set", "--name", "web", "--pointer", "prod", "--version", "3"),
        "pinrepo: web 3 is incomplete (files but no manifest: its publish is in progress or died)");
    assertEquals("2\n", repo.ok("pointer", "get", "--name", "web", "--pointer", "prod").out());
    assertFailure(
        repo.run("pointer", "get", "--name", "web", "--pointer", "staging"),
        "pinrepo: no pointer staging for web");
    CliRun conflict =
        repo.run(
            "build",
            "publish",
            "--name",
            "web",
            "--version",
            "1",
            file("app.tar.gz", "something else").toString());
    assertEquals(1, conflict.status());
    assertTrue(
        conflict.err().startsWith("pinrepo: web 1 is already published with other content"),
        conflict.err());
  }

  @Test
  void malformedNamesAndOptionsAreUsageErrors() throws Exception {
    Repo repo = directory();
    Path f = file("a", "a");
    for (String[] args :
        List.of(
            repo.args("build", "publish", "--name", "Web", "--version", "1", f.toString()),
            repo.args("build", "publish", "--name", "web", "--version", "../1", f.toString()),
            repo.args(
                "build", "publish", "--name", "web", "--version", "1", "--meta", "x", f.toString()),
            repo.args(
                "build", "get", "--name", "web", "--version", "1", "--pointer", "p", "--dest", "d"),
            repo.args("pointer", "set", "--name", "web", "--pointer", "a/b", "--version", "1"),
            repo.args(
                "build", "publish", "--name", "web", "--version", "1", "--keep", "0", f.toString()),
            repo.args("pointer", "history", "--name", "web", "--pointer", "p", "--limit", "0"))) {
      CliRun run = CliRun.of(args);
      assertEquals(2, run.status(), String.join(" ", args) + ": " + run.err());
      assertFalse(run.hasStackTrace(), run.err());
    }
    CliRun bad = repo.run("build", "list", "--name", "Web");
    assertTrue(bad.err().contains("invalid build name 'Web'"), bad.err());
  }

  @Test
  void getOfATamperedFileFailsAndLeavesTheDestinationUntouched() throws Exception {
    Repo repo = directory();
    publish(repo, "1");
    Files.writeString(dir.resolve("repo/builds/web/versions/1/files/app.yaml"), "port: 81 # 1");
    Path dest = dir.resolve("node/web");
    CliRun get =
        repo.run("build", "get", "--name", "web", "--version", "1", "--dest", dest.toString());
    assertEquals(1, get.status());
    assertTrue(get.err().startsWith("pinrepo: web 1 app.yaml: sha256 "), get.err());
    assertEquals(1, get.err().lines().count());
    assertFalse(Files.exists(dest));
    try (Stream<Path> left = Files.list(dest.getParent())) {
      assertEquals(0, left.count(), "no staging directory left behind");
    }
    CliRun verify = repo.run("verify");
    assertEquals(1, verify.status());
    assertTrue(verify.out().startsWith("build: builds/web/versions/1/files/app.yaml: sha256"));
  }

  @Test
  void keepingTheNewestBuildsDropsOlderOnesAndGcSparesThePointedOne() throws Exception {
    Repo repo = directory();
    publish(repo, "1");
    publish(repo, "2");
    repo.ok("pointer", "set", "--name", "web", "--pointer", "prod", "--version", "1");
    CliRun third =
        repo.ok(
            "build",
            "publish",
            "--name",
            "web",
            "--version",
            "3",
            "--keep",
            "1",
            file("app.tar.gz", "app 3").toString());
    assertEquals(
        List.of("published web 3: 1 file(s), 5 bytes", "dropped   web 2", "dropped   web 1"),
        third.out().lines().toList());
    assertEquals(List.of("3"), firstColumn(repo.ok("build", "list", "--name", "web").out()));
    // No grace period, so reachability alone decides: manifests go in one run, files in the next.
    repo.ok("gc", "--grace", "0s");
    repo.ok("gc", "--grace", "0s");
    assertFalse(Files.exists(dir.resolve("repo/builds/web/versions/2")));
    repo.ok(
        "build",
        "get",
        "--name",
        "web",
        "--pointer",
        "prod",
        "--dest",
        dir.resolve("d").toString());
    assertEquals("app 1", Files.readString(dir.resolve("d/app.tar.gz")));
    repo.ok("verify");
  }

  private static void assertFailure(CliRun run, String line) {
    assertEquals(1, run.status(), run.err());
    assertEquals(line + "\n", run.err());
  }

  private static List<String> firstColumn(String out) {
    return out.lines().map(l -> l.split("\t")[0]).toList();
  }
}
