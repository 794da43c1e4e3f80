package io.pinrepo.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinrepo.cli.Pinrepo;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.server.RepositoryServer;
import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.clients.AptRoot;
import io.pinrepo.testkit.clients.MavenConsumer;
import io.pinrepo.testkit.clients.Pip;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code pinrepo replicate} of a filesystem repository holding an APT, a Maven and a simple
 * repository to another directory and to S3 (s3proxy in this JVM), read through {@link
 * RepositoryServer} by the real apt-get, pip and mvn; a second run copies nothing.
 */
class ReplicaClientsTest {

  /**
   * A group no other test deploys: the local repository mvn caches in is shared by every build on
   * the machine.
   */
  private static final String GROUP = "org.pinrepo.replicatest";

  @org.junit.jupiter.api.io.TempDir static Path shared;
  static S3ProxyFixture s3;

  @org.junit.jupiter.api.io.TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3ProxyFixture.start(shared.resolve("s3"));
    System.setProperty("aws.accessKeyId", S3ProxyFixture.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3ProxyFixture.SECRET_KEY);
  }

  @AfterAll
  static void stop() throws IOException {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    s3.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"fs", "s3"})
  void aptGetPipAndMvnReadTheReplicaAndASecondRunCopiesNothing(String kind) throws Exception {
    Repos repos = Repos.in(dir.resolve("work"));
    Path sourceDir = dir.resolve("source");
    try (FileSystemStorage source = FileSystemStorage.open(sourceDir)) {
      repos.deb(source, "stable", "hello", "1.0");
      repos.jar(source, GROUP, "replica-" + kind, "1.0");
      repos.wheel(source, "demo-lib", "1.0");
    }
    List<String> args = new ArrayList<>(List.of("replicate", "--from", sourceDir.toString()));
    args.addAll(target(kind));
    args.add("--json");

    JsonNode first = replicate(args);
    JsonNode second = replicate(args);

    assertTrue(first.get("copied").asLong() > 20, first.toString());
    assertTrue(first.get("bytes").asLong() > 0, first.toString());
    assertEquals(0, first.get("skipped").asLong(), first.toString());
    assertEquals(0, second.get("copied").asLong(), second.toString());
    assertEquals(0, second.get("bytes").asLong(), second.toString());
    assertEquals(first.get("copied").asLong(), second.get("skipped").asLong(), second.toString());
    System.out.printf(
        "replicate fs->%s: first run %d objects %d bytes; second run %d objects %d bytes%n",
        kind,
        first.get("copied").asLong(),
        first.get("bytes").asLong(),
        second.get("copied").asLong(),
        second.get("bytes").asLong());

    try (Storage source = FileSystemStorage.open(sourceDir);
        CountingStorage target = new CountingStorage(open(kind))) {
      ReplicationReport third = Replicator.builder(Repos.FORMATS).build().replicate(source, target);
      assertEquals(0, third.copied(), third.toString());
      assertEquals(0, target.writes(), "a third run wrote to the target");
      assertEquals(0, target.deletes(), "a third run deleted from the target");
      assertEquals(List.of(), repos.signedProblems(target, false));
      try (RepositoryServer server =
          RepositoryServer.builder(target).serving(RepositoryFormats.servingPolicy()).start()) {
        readWithClients(repos, server.baseUri(), sourceDir, "replica-" + kind);
      }
    }
  }

  private void readWithClients(Repos repos, URI base, Path sourceDir, String artifact)
      throws Exception {
    AptRoot apt =
        AptRoot.create(
            dir.resolve("apt"),
            AptRoot.sourceLine(base.toString(), "stable", "main", repos.keyring(), "amd64"),
            "amd64");
    assertEquals(List.of(), AptRoot.problems(apt.update()));
    assertEquals("1.0", apt.candidate("hello"));
    assertArrayEquals(
        Files.readAllBytes(sourceDir.resolve("pool/main/h/hello/hello_1.0_amd64.deb")),
        Files.readAllBytes(apt.download("hello")));

    Path wheels = Files.createDirectories(dir.resolve("wheels"));
    Pip.download(dir, base.resolve("simple/"), wheels, "demo-lib==1.0").orFail();
    try (var files = Files.list(wheels)) {
      assertEquals(
          List.of("demo_lib-1.0-py3-none-any.whl"),
          files.map(f -> f.getFileName().toString()).toList());
    }

    MavenConsumer.forgetCached(GROUP, artifact);
    Map<String, Path> jars =
        MavenConsumer.resolveFrom(
            dir.resolve("consumer"), base.toString(), GROUP + ":" + artifact + ":1.0");
    assertArrayEquals(
        Files.readAllBytes(
            sourceDir.resolve(
                GROUP.replace('.', '/') + "/" + artifact + "/1.0/" + artifact + "-1.0.jar")),
        Files.readAllBytes(jars.get(artifact + "-1.0.jar")));
  }

  private List<String> target(String kind) {
    if (kind.equals("fs")) {
      return List.of("--to", dir.resolve("target").toString());
    }
    return List.of(
        "--to",
        "s3://" + S3ProxyFixture.BUCKET + "/" + dir.getFileName(),
        "--s3-endpoint",
        s3.endpoint().toString(),
        "--s3-region",
        "us-east-1",
        "--s3-path-style");
  }

  private Storage open(String kind) throws IOException {
    return kind.equals("fs")
        ? FileSystemStorage.open(dir.resolve("target"))
        : s3.storage(dir.getFileName().toString()).build();
  }

  /** Runs the command line; fails the test unless it succeeded; its JSON line. */
  static JsonNode replicate(List<String> args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Pinrepo.execute(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, status, err.toString());
    return new ObjectMapper().readTree(out.toString());
  }
}
