package io.pinrepo.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.access.AccessRecord;
import io.pinrepo.server.Redirects;
import io.pinrepo.server.RepositoryServer;
import io.pinrepo.server.Site;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mirror over HTTP: {@code GET /REGION/KEY} answers a package file with a 302 to the region's
 * copy (copying it first), which a real HTTP client follows to the region's own server; indexes
 * come from the origin; unknown regions and keys answer 404, a copy that fails verification 502;
 * every answer is reported to the access log.
 */
class MirrorServerTest {

  private static final ObjectKey A = ObjectKey.of("files/a.bin");
  private static final byte[] BYTES = "package a".getBytes(StandardCharsets.UTF_8);
  private static final ManifestFormat FORMAT = new ManifestFormat();
  private static final ServingPolicy POLICY = FORMAT;

  private final InMemoryStorage origin = new InMemoryStorage();
  private final InMemoryStorage region = new InMemoryStorage();
  private final BlockingQueue<AccessRecord> accesses = new LinkedBlockingQueue<>();
  private final HttpClient noFollow = HttpClient.newHttpClient();
  private final HttpClient follows =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
  private RepositoryServer regionHost;
  private RegionalMirror mirror;
  private RepositoryServer server;

  @BeforeEach
  void start() throws IOException {
    ManifestFormat.publish(origin, List.of(A), List.of(BYTES));
    regionHost = RepositoryServer.builder(region).serving(POLICY).start();
    mirror =
        RegionalMirror.builder(origin)
            .formats(List.of(FORMAT))
            .region("eu", region, regionHost.baseUri())
            .build();
    server =
        RepositoryServer.builder(List.of(new Site("eu", origin, Redirects.toRegion(mirror, "eu"))))
            .serving(POLICY)
            .accessLog(accesses::add)
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
    mirror.close();
    regionHost.close();
  }

  private HttpResponse<byte[]> get(HttpClient client, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aPackageFileIsRedirectedToTheRegionsCopyWhichTheClientFetches() throws Exception {
    HttpResponse<byte[]> redirect = get(noFollow, "eu/files/a.bin");
    assertEquals(302, redirect.statusCode());
    assertEquals(
        regionHost.baseUri().resolve("files/a.bin").toString(),
        redirect.headers().firstValue("Location").orElseThrow());

    HttpResponse<byte[]> followed = get(follows, "eu/files/a.bin");
    assertEquals(200, followed.statusCode());
    assertArrayEquals(BYTES, followed.body());
    assertEquals(regionHost.baseUri().resolve("files/a.bin"), followed.uri());
    assertTrue(region.stat(A).isPresent());
  }

  @Test
  void indexesComeFromTheOriginAndUnknownRegionsAndKeysAre404() throws Exception {
    HttpResponse<byte[]> manifest = get(noFollow, "eu/MANIFEST");
    assertEquals(200, manifest.statusCode());
    assertTrue(new String(manifest.body(), StandardCharsets.UTF_8).endsWith(" files/a.bin\n"));
    assertEquals(404, get(noFollow, "us/files/a.bin").statusCode());
    assertEquals(404, get(noFollow, "eu/files/none.bin").statusCode());
    assertEquals(404, get(noFollow, "eu/.pinrepo/mirror/leases/x").statusCode());
    assertEquals(404, get(noFollow, "files/a.bin").statusCode());
    assertEquals(List.of(), region.keys(), "nothing was copied");
  }

  @Test
  void aCopyThatFailsVerificationAnswers502AndLeavesNoCopy() throws Exception {
    origin.write(A, ContentSource.ofUtf8("package b"), WriteCondition.none());

    assertEquals(502, get(noFollow, "eu/files/a.bin").statusCode());
    assertEquals(List.of(), region.keys());
  }

  @Test
  void everyAnswerIsReportedToTheAccessLogWithItsRegionAndBytes() throws Exception {
    get(noFollow, "eu/files/a.bin");
    get(noFollow, "eu/MANIFEST");
    get(noFollow, "eu/files/none.bin");

    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) { // reported after each answer is sent, so perhaps after get()
      AccessRecord r = accesses.poll(1, TimeUnit.MINUTES);
      seen.add(r.region() + " " + r.key() + " " + r.status() + " " + r.bytes());
    }
    long manifestBytes = origin.stat(ManifestFormat.MANIFEST).orElseThrow().size();
    assertEquals(
        List.of(
            "eu files/a.bin 302 " + BYTES.length,
            "eu MANIFEST 200 " + manifestBytes,
            "eu files/none.bin 404 0"),
        seen);
  }

  @Test
  void aHeadRequestIsRedirectedToo() throws Exception {
    HttpResponse<Void> head =
        noFollow.send(
            HttpRequest.newBuilder(server.baseUri().resolve("eu/files/a.bin"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertEquals(302, head.statusCode());
    assertEquals(
        URI.create(head.headers().firstValue("Location").orElseThrow()),
        regionHost.baseUri().resolve("files/a.bin"));
  }
}
