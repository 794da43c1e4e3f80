package io.pinrepo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.serving.CachePolicy;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RepositoryServerTest {

  private static final String PIP_ACCEPT =
      "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1,"
          + " text/html; q=0.01";

  private static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

  /** A format's answers, as PyPI gives them: the server itself knows no format. */
  private static final ServingPolicy POLICY =
      key -> {
        String name = key.fileName();
        if (name.equals("index.json")) {
          return Optional.of(ServingMetadata.shortLived(SIMPLE_JSON));
        }
        if (name.endsWith(".html")) {
          return Optional.of(
              ServingMetadata.shortLived("text/html; charset=utf-8")
                  .alsoAccepting("application/vnd.pypi.simple.v1+html"));
        }
        return name.endsWith(".jar")
            ? Optional.of(ServingMetadata.immutable("application/java-archive"))
            : Optional.empty();
      };

  private final InMemoryStorage storage = new InMemoryStorage();
  private final HttpClient client = HttpClient.newHttpClient();
  private RepositoryServer server;

  @BeforeEach
  void start() throws IOException {
    server = RepositoryServer.builder(storage).serving(POLICY).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ObjectInfo put(String key, String content) throws IOException {
    return storage.write(ObjectKey.of(key), ContentSource.ofUtf8(content), WriteCondition.none());
  }

  private HttpResponse<byte[]> get(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void bindsToLoopbackOnAnEphemeralPort() {
    URI base = server.baseUri();
    assertEquals("127.0.0.1", base.getHost());
    assertTrue(base.getPort() > 0);
    assertTrue(base.getPath().endsWith("/"));
  }

  @Test
  void servesAnObjectWithItsContentTypeAndQuotedEtag() throws Exception {
    ObjectInfo info = put("lib/hello-1.0.jar", "not really a jar");
    HttpResponse<byte[]> response = get("lib/hello-1.0.jar");
    assertEquals(200, response.statusCode());
    assertEquals("not really a jar", text(response));
    assertEquals(
        "application/java-archive", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "\"" + info.versionToken() + "\"", response.headers().firstValue("ETag").orElseThrow());
  }

  @Test
  void answers304WhenTheEtagStillMatches() throws Exception {
    put("dists/stable/InRelease", "release");
    String etag = get("dists/stable/InRelease").headers().firstValue("ETag").orElseThrow();
    assertEquals(304, get("dists/stable/InRelease", "If-None-Match", etag).statusCode());
    put("dists/stable/InRelease", "newer release");
    HttpResponse<byte[]> changed = get("dists/stable/InRelease", "If-None-Match", etag);
    assertEquals(200, changed.statusCode());
    assertEquals("newer release", text(changed));
  }

  @Test
  void servesASingleByteRange() throws Exception {
    String content = "0123456789";
    put("a.jar", content);
    HttpResponse<byte[]> middle = get("a.jar", "Range", "bytes=2-5");
    assertEquals(206, middle.statusCode());
    assertEquals(content.substring(2, 6), text(middle));
    assertEquals(
        "bytes 2-5/" + content.length(),
        middle.headers().firstValue("Content-Range").orElseThrow());
    assertEquals(content.substring(7), text(get("a.jar", "Range", "bytes=7-")));
    assertEquals(content.substring(content.length() - 3), text(get("a.jar", "Range", "bytes=-3")));
    assertEquals(content.substring(4), text(get("a.jar", "Range", "bytes=4-400")));
  }

  @Test
  void answers416ForARangePastTheEnd() throws Exception {
    put("a.jar", "0123456789");
    HttpResponse<byte[]> response = get("a.jar", "Range", "bytes=10-20");
    assertEquals(416, response.statusCode());
    assertEquals("bytes */10", response.headers().firstValue("Content-Range").orElseThrow());
  }

  @Test
  void headSendsTheHeadersWithoutABody() throws Exception {
    put("simple/foo/foo-1.0-py3-none-any.whl.metadata", "Metadata-Version: 2.1\n");
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(
                    server.baseUri().resolve("simple/foo/foo-1.0-py3-none-any.whl.metadata"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals(0, response.body().length);
    assertEquals(22, response.headers().firstValueAsLong("Content-Length").orElseThrow());
  }

  @Test
  void servesIndexHtmlForADirectoryPath() throws Exception {
    put("simple/index.html", "<html>root</html>");
    put("simple/foo/index.html", "<html>foo</html>");
    HttpResponse<byte[]> root = get("simple/");
    assertEquals("<html>root</html>", text(root));
    assertEquals(
        "text/html; charset=utf-8", root.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("<html>foo</html>", text(get("simple/foo/")));
  }

  @Test
  void prefersTheJsonTwinWhenTheClientAsksForIt() throws Exception {
    put("simple/foo/index.html", "<html>foo</html>");
    put("simple/foo/index.json", "{\"name\":\"foo\"}");
    HttpResponse<byte[]> json = get("simple/foo/", "Accept", PIP_ACCEPT);
    assertEquals("{\"name\":\"foo\"}", text(json));
    assertEquals(SIMPLE_JSON, json.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("Accept", json.headers().firstValue("Vary").orElseThrow());
    HttpResponse<byte[]> html =
        get("simple/foo/", "Accept", "text/html, application/vnd.pypi.simple.v1+json;q=0.5");
    assertEquals("<html>foo</html>", text(html));
    assertEquals("Accept", html.headers().firstValue("Vary").orElseThrow());
    assertEquals("<html>foo</html>", text(get("simple/foo/")));
  }

  @Test
  void fallsBackToHtmlWhenThereIsNoJsonTwin() throws Exception {
    put("simple/foo/index.html", "<html>foo</html>");
    assertEquals("<html>foo</html>", text(get("simple/foo/", "Accept", PIP_ACCEPT)));
  }

  @Test
  void answers404ForAMissingKey() throws Exception {
    assertEquals(404, get("simple/nothing/").statusCode());
    assertEquals(404, get("nothing.whl").statusCode());
  }

  @Test
  void refusesPathsThatEscapeTheStorage() throws Exception {
    put("secret", "no");
    for (String path :
        new String[] {"/a/../secret", "/a//secret", "/%2e%2e/secret", "/a%5csecret"}) {
      int status = rawStatus("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertTrue(status == 400 || status == 404, path + " answered " + status);
    }
  }

  @Test
  void refusesMethodsOtherThanGetAndHead() throws Exception {
    put("a.jar", "x");
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(server.baseUri().resolve("a.jar"))
                .PUT(HttpRequest.BodyPublishers.ofString("y"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(405, response.statusCode());
    assertArrayEquals(
        "x".getBytes(StandardCharsets.UTF_8), storage.peek(ObjectKey.of("a.jar")).orElseThrow());
  }

  @Test
  void recordsTheRequestsItAnswered() throws Exception {
    put("a.whl.metadata", "m");
    get("a.whl.metadata");
    get("missing");
    assertEquals(
        new RepositoryServer.Request("GET", "/a.whl.metadata", "", 200), server.requests().get(0));
    assertEquals(404, server.requests().get(1).status());
  }

  @Test
  void sendsTheHeadersThePolicyGivesAndOctetStreamForUnclaimedKeys() throws Exception {
    put("lib/a.jar", "jar");
    put("by-hash/SHA256/abc", "index");
    HttpResponse<byte[]> jar = get("lib/a.jar");
    assertEquals("application/java-archive", jar.headers().firstValue("Content-Type").get());
    assertEquals(
        CachePolicy.IMMUTABLE.cacheControl(), jar.headers().firstValue("Cache-Control").get());
    HttpResponse<byte[]> other = get("by-hash/SHA256/abc");
    assertEquals(
        ServingMetadata.UNKNOWN.contentType(), other.headers().firstValue("Content-Type").get());
    assertEquals(
        CachePolicy.SHORT.cacheControl(), other.headers().firstValue("Cache-Control").get());
  }

  @Test
  void neverServesPinreposOwnRecords() throws Exception {
    put(".pinrepo/demo-key/secret.asc", "secret");
    put(".pinrepo/access/node-1", "counts");
    assertEquals(404, get(".pinrepo/demo-key/secret.asc").statusCode());
    assertEquals(404, get(".pinrepo/access/node-1").statusCode());
    assertEquals(404, get(".pinrepo/").statusCode());
  }

  @Test
  void anAcceptHeaderWithWildcardsGetsHtmlAndAnExactJsonRangeGetsJson() throws Exception {
    put("simple/foo/index.html", "<html>foo</html>");
    put("simple/foo/index.json", "{}");
    assertEquals("<html>foo</html>", text(get("simple/foo/", "Accept", "*/*")));
    assertEquals("<html>foo</html>", text(get("simple/foo/", "Accept", "text/*, */*;q=0.8")));
    assertEquals("{}", text(get("simple/foo/", "Accept", SIMPLE_JSON)));
    assertEquals(
        "{}", text(get("simple/foo/", "Accept", "text/html;q=0.2, " + SIMPLE_JSON + ";q=0.9")));
  }

  /** Sends a request verbatim, as HttpClient normalises paths, and returns the status code. */
  private int rawStatus(String request) throws IOException {
    URI base = server.baseUri();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(Arrays.asList(statusLine.split(" ")).get(1));
    }
  }
}
