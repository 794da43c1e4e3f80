package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.server.RepositoryServer;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.clients.AptRoot;
import io.pinrepo.testkit.clients.MavenConsumer;
import io.pinrepo.testkit.clients.Pip;
import io.pinrepo.testkit.clients.Programs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code pinrepo mirror serve} in a JVM of its own, over the demo repository in a directory (the
 * origin), with region {@code eu} in the in-JVM S3 server (presigned redirects) and region {@code
 * lan} in another directory behind a static server ({@code --public-url}): the real apt-get, pip
 * and mvn install through it; a tampered package answers 502 and leaves no copy; after SIGTERM
 * {@code pinrepo stats} shows what was fetched, and {@code pinrepo mirror expire} deletes copies
 * least recently used first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MirrorCommandTest {

  Path work;
  S3ProxyFixture s3;
  RepositoryServer lanHost;
  FileSystemStorage lan;
  CliProcess mirror;

  @BeforeAll
  void start() throws Exception {
    work = Files.createTempDirectory("pinrepo-mirror-test");
    s3 = S3ProxyFixture.start(work.resolve("s3"));
    System.setProperty("aws.accessKeyId", S3ProxyFixture.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3ProxyFixture.SECRET_KEY);
    CliRun demo = CliRun.of("demo", origin().toString(), "--no-serve");
    assertEquals(0, demo.status(), demo.err());
    lan = FileSystemStorage.open(work.resolve("lan"));
    lanHost = RepositoryServer.start(lan);
    List<String> args =
        new ArrayList<>(List.of("mirror", "serve", "--origin", origin().toString()));
    args.addAll(List.of("--region", "eu=s3://" + S3ProxyFixture.BUCKET + "/eu"));
    args.addAll(List.of("--region", "lan=" + work.resolve("lan")));
    args.addAll(List.of("--public-url", "lan=" + lanHost.baseUri()));
    args.addAll(List.of("--port", "0", "--node", "test-node"));
    args.addAll(s3Flags());
    mirror = CliProcess.start(work, awsEnvironment(), args);
  }

  @AfterAll
  void stop() throws Exception {
    if (mirror != null) {
      mirror.close();
    }
    if (lanHost != null) {
      lanHost.close();
      lan.close();
    }
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    if (s3 != null) {
      s3.close();
    }
    DemoEndToEndTest.deleteTree(work);
  }

  private Path origin() {
    return work.resolve("origin");
  }

  private List<String> s3Flags() {
    return List.of(
        "--s3-endpoint", s3.endpoint().toString(), "--s3-region", "us-east-1", "--s3-path-style");
  }

  private static Map<String, String> awsEnvironment() {
    return Map.of(
        "AWS_ACCESS_KEY_ID", S3ProxyFixture.ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", S3ProxyFixture.SECRET_KEY);
  }

  private URI region(String name) {
    return mirror.baseUri().resolve(name + "/");
  }

  /** The origin's key of the one file whose name ends with {@code suffix}. */
  private String originKey(String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(origin())) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .map(f -> origin().relativize(f).toString())
          .filter(k -> !k.startsWith(".pinrepo"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("the demo has no *" + suffix));
    }
  }

  @Test
  @Order(1)
  void aptGetInstallsThroughTheS3Region() throws IOException {
    String source =
        AptRoot.sourceLine(
            region("eu").toString(),
            "stable",
            "main",
            origin().resolve(DemoCommand.NAME + ".gpg"),
            "amd64");
    AptRoot apt = AptRoot.create(work.resolve("apt"), source, "amd64");
    Programs.Result update = apt.update().orFail();
    assertEquals(List.of(), AptRoot.problems(update), update.out() + update.err());
    assertEquals(DemoCommand.VERSION, apt.candidate(DemoCommand.NAME));
    Path deb = apt.download(DemoCommand.NAME);
    assertEquals(
        DemoCommand.VERSION + "\n",
        Programs.run(work, "dpkg-deb", "-f", deb.toString(), "Version").orFail().out());
  }

  @Test
  @Order(2)
  void pipInstallsThroughTheS3Region() throws IOException {
    Pip.require();
    Path target = work.resolve("site");
    Pip.install(
            work,
            region("eu").resolve("simple/"),
            List.of("--target", target.toString()),
            List.of(DemoCommand.NAME))
        .orFail();
    String module = DemoCommand.NAME.replace('-', '_');
    Programs.Result imported =
        Programs.run(
                work,
                Map.of("PYTHONPATH", target.toString()),
                List.of("python3", "-c", "import " + module + "; print('ok')"))
            .orFail();
    assertEquals("ok\n", imported.out());
  }

  @Test
  @Order(3)
  void mvnResolvesThroughTheS3RegionWithStrictChecksums() throws IOException {
    MavenConsumer.forgetCached(DemoCommand.GROUP, DemoCommand.NAME);
    Map<String, Path> resolved =
        MavenConsumer.resolveFrom(
            work.resolve("consumer"),
            region("eu").toString(),
            DemoCommand.GROUP + ":" + DemoCommand.NAME + ":" + DemoCommand.VERSION);
    assertTrue(
        resolved.containsKey(DemoCommand.NAME + "-" + DemoCommand.VERSION + ".jar"),
        resolved.toString());
  }

  @Test
  @Order(4)
  void pipInstallsThroughTheDirectoryRegionBehindItsPublicUrl() throws IOException {
    Pip.require();
    Path into = work.resolve("downloads");
    Pip.download(work, region("lan").resolve("simple/"), into, DemoCommand.NAME);
    String wheel = originKey(".whl");
    assertTrue(Files.exists(into.resolve(ObjectKey.of(wheel).fileName())));
    assertTrue(lan.stat(ObjectKey.of(wheel)).isPresent(), "the copy in region lan");
  }

  @Test
  @Order(5)
  void aTamperedPackageAnswers502AndLeavesNoCopy() throws Exception {
    String debKey = originKey(".deb");
    Path debFile = origin().resolve(debKey);
    byte[] bytes = Files.readAllBytes(debFile);
    bytes[bytes.length / 2] ^= 1;
    Files.write(debFile, bytes);

    HttpResponse<Void> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(region("lan").resolve(debKey)).build(),
                HttpResponse.BodyHandlers.discarding());

    assertEquals(502, answer.statusCode());
    assertTrue(lan.stat(ObjectKey.of(debKey)).isEmpty(), "a tampered copy is visible");
    assertTrue(mirror.stderr().contains("failed verification"), mirror.stderr());
  }

  @Test
  @Order(6)
  void afterSigtermStatsShowWhatWasFetched() throws Exception {
    int exit = mirror.terminate(); // its shutdown hook flushes the access counts
    assertEquals(128 + 15, exit, "the JVM's status after SIGTERM: " + mirror.stderr());

    CliRun stats = CliRun.of(with(List.of("stats", "--repo", euRepo(), "--json")));
    assertEquals(0, stats.status(), stats.err());
    JsonNode doc = new ObjectMapper().readTree(stats.out());
    List<String> keys = new ArrayList<>();
    doc.get("keys").forEach(k -> keys.add(k.get("name").asText()));
    for (String fetched : List.of(originKey(".deb"), originKey(".whl"), originKey(".jar"))) {
      assertTrue(keys.contains(fetched), fetched + " not in " + keys);
    }
    assertEquals("eu", doc.get("regions").get(0).get("name").asText());
    assertTrue(doc.get("requests").asLong() >= keys.size());

    CliRun text = CliRun.of(with(List.of("stats", "--repo", euRepo(), "--top", "3")));
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("REQUESTS"), text.out());
  }

  @Test
  @Order(7)
  void expireDeletesTheRegionsCopiesLeastRecentlyUsedFirst() throws Exception {
    CliRun dryRun =
        CliRun.of(
            with(
                List.of(
                    "mirror",
                    "expire",
                    "--region",
                    "eu=" + euRepo(),
                    "--max-bytes",
                    "0",
                    "--dry-run",
                    "--json")));
    assertEquals(0, dryRun.status(), dryRun.err());
    JsonNode doc = new ObjectMapper().readTree(dryRun.out());
    List<String> order = new ArrayList<>();
    List<String> lastUses = new ArrayList<>();
    doc.get("expired")
        .forEach(
            c -> {
              order.add(c.get("key").asText());
              lastUses.add(c.get("lastUse").asText());
            });
    assertTrue(
        order.contains(originKey(".deb")) && order.contains(originKey(".jar")), order.toString());
    assertEquals(lastUses.stream().sorted().toList(), lastUses, "least recently used first");
    assertTrue(
        order.indexOf(originKey(".deb")) < order.indexOf(originKey(".jar")),
        "apt fetched before mvn: " + order);

    CliRun expire =
        CliRun.of(
            with(List.of("mirror", "expire", "--region", "eu=" + euRepo(), "--unused-for", "0s")));
    assertEquals(0, expire.status(), expire.err());
    assertTrue(expire.err().contains("deleted " + order.size() + " cop"), expire.err());
  }

  private String euRepo() {
    return "s3://" + S3ProxyFixture.BUCKET + "/eu";
  }

  private String[] with(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.addAll(s3Flags());
    return args.toArray(String[]::new);
  }
}
