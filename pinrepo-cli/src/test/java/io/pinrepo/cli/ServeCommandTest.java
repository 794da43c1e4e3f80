package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.pypi.SimpleLayout;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.testkit.clients.Pip;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pinrepo serve} over a repository in the in-JVM S3 server, in a JVM of its own: with {@code
 * --cache-dir} pip still installs while S3 is down (and the stale page says so); with {@code
 * --redirect} pip follows the presigned redirects, and {@code --record-access} leaves counts that
 * {@code pinrepo stats} reads.
 */
class ServeCommandTest {

  private static final String PROJECT = "served-lib";

  @TempDir Path work;
  S3ProxyFixture s3;
  Path wheel;

  @BeforeEach
  void publish() throws Exception {
    s3 = S3ProxyFixture.start(work.resolve("s3"));
    System.setProperty("aws.accessKeyId", S3ProxyFixture.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3ProxyFixture.SECRET_KEY);
    wheel = WheelBuilder.of(PROJECT, "1.0").writeTo(Files.createDirectories(work.resolve("in")));
    CliRun published = CliRun.of(args("pypi", "publish", "--repo", repo(), wheel.toString()));
    assertEquals(0, published.status(), published.err());
  }

  @AfterEach
  void stop() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    s3.close();
  }

  private String repo() {
    return "s3://" + S3ProxyFixture.BUCKET + "/repo";
  }

  private String[] args(String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(
        List.of(
            "--s3-endpoint",
            s3.endpoint().toString(),
            "--s3-region",
            "us-east-1",
            "--s3-path-style"));
    return args.toArray(String[]::new);
  }

  private CliProcess serve(String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of("serve", "--repo", repo(), "--port", "0"));
    command.addAll(List.of(options));
    return CliProcess.start(
        work,
        Map.of(
            "AWS_ACCESS_KEY_ID", S3ProxyFixture.ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY", S3ProxyFixture.SECRET_KEY),
        List.of(args(command.toArray(String[]::new))));
  }

  /** Where pypi publish put the wheel. */
  private String wheelKey() {
    return SimpleLayout.file(ProjectName.of(PROJECT), wheel.getFileName().toString()).value();
  }

  private void pipDownload(URI base, String into) {
    Pip.require();
    Pip.download(work, base.resolve("simple/"), work.resolve(into), PROJECT);
    assertTrue(Files.exists(work.resolve(into).resolve(wheel.getFileName())));
  }

  @Test
  void withACacheDirPipStillInstallsWhileS3IsDown() throws Exception {
    try (CliProcess server = serve("--cache-dir", work.resolve("cache").toString())) {
      pipDownload(server.baseUri(), "first");

      s3.close(); // the backend is down from here on

      pipDownload(server.baseUri(), "second");
      HttpResponse<Void> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.baseUri().resolve("simple/" + PROJECT + "/"))
                      .header("Accept", "application/vnd.pypi.simple.v1+json") // as pip asked
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      assertEquals(200, page.statusCode());
      assertTrue(
          page.headers().firstValue("Warning").orElse("").startsWith("110 "),
          page.headers().map().toString());
    }
  }

  @Test
  void withRedirectPipFollowsPresignedUrlsAndStatsCountTheRedirects() throws Exception {
    try (CliProcess server = serve("--redirect", "--record-access", "--node", "n1")) {
      HttpResponse<Void> redirect =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.baseUri().resolve(wheelKey())).build(),
                  HttpResponse.BodyHandlers.discarding());
      assertEquals(302, redirect.statusCode());
      assertTrue(redirect.headers().firstValue("Location").orElseThrow().contains("X-Amz-"));
      pipDownload(server.baseUri(), "via-redirect");
      server.terminate();
    }

    CliRun stats = CliRun.of(args("stats", "--repo", repo(), "--json"));
    assertEquals(0, stats.status(), stats.err());
    JsonNode doc = new ObjectMapper().readTree(stats.out());
    List<String> redirected = new ArrayList<>();
    doc.get("keys").forEach(k -> redirected.add(k.get("name").asText()));
    assertTrue(
        redirected.stream().anyMatch(k -> k.endsWith(wheel.getFileName().toString())),
        redirected.toString());
    List<String> statuses = new ArrayList<>();
    doc.get("statuses").forEach(s -> statuses.add(s.get("name").asText()));
    assertTrue(statuses.contains("302"), statuses.toString());
  }
}
