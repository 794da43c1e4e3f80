package io.pinrepo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.cache.ReadThroughCache;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.s3.S3Storage;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pinrepo serve}'s two new roles over the in-JVM S3 server: the signing proxy (package files
 * redirected to presigned URLs, indexes served) and the read-through cache that keeps serving when
 * S3 is down, saying so in its headers.
 */
class ServeOverS3Test {

  private static final ObjectKey DEB = ObjectKey.of("pool/main/h/hello_1.0_all.deb");
  private static final ObjectKey TOP = ObjectKey.of("dists/stable/InRelease");
  private static final ServingPolicy POLICY =
      key ->
          Optional.of(
              key.value().startsWith("pool/")
                  ? ServingMetadata.immutable("application/vnd.debian.binary-package")
                  : ServingMetadata.shortLived("text/plain; charset=utf-8"));

  @TempDir Path dir;

  private final HttpClient noFollow = HttpClient.newHttpClient();
  private final HttpClient follows =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  private static HttpResponse<byte[]> get(HttpClient client, RepositoryServer server, ObjectKey key)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.baseUri().resolve(key.value())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] deb() {
    byte[] deb = new byte[200_000];
    new Random(1).nextBytes(deb);
    return deb;
  }

  @Test
  void packageFilesAreRedirectedToPresignedUrlsAndIndexesAreServed() throws Exception {
    byte[] deb = deb();
    try (S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"));
        S3Storage storage = s3.storage("repo").build();
        ReadThroughCache cache = ReadThroughCache.builder(storage, dir.resolve("cache")).build()) {
      storage.write(DEB, ContentSource.ofBytes(deb), WriteCondition.none());
      storage.write(TOP, ContentSource.ofUtf8("Suite: stable\n"), WriteCondition.none());
      Redirects presigned =
          Redirects.presigned(
              cache, storage, key -> POLICY.of(key).immutable(), Duration.ofMinutes(5));
      try (RepositoryServer server =
          RepositoryServer.builder(cache).serving(POLICY).redirects(presigned).start()) {
        HttpResponse<byte[]> redirect = get(noFollow, server, DEB);
        assertEquals(302, redirect.statusCode());
        assertTrue(
            redirect.headers().firstValue("Location").orElseThrow().contains("X-Amz-Signature="));
        HttpResponse<byte[]> followed = get(follows, server, DEB);
        assertEquals(200, followed.statusCode());
        assertArrayEquals(deb, followed.body());

        HttpResponse<byte[]> top = get(noFollow, server, TOP);
        assertEquals(200, top.statusCode());
        assertEquals("Suite: stable\n", new String(top.body(), StandardCharsets.UTF_8));
        assertEquals(404, get(noFollow, server, ObjectKey.of("pool/main/n/none.deb")).statusCode());
      }
    }
  }

  @Test
  void whenS3IsDownCachedPackageFilesAreStillServedAndTopsAreServedStaleAndSaySo()
      throws Exception {
    byte[] deb = deb();
    S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"));
    try (S3Storage storage = s3.storage("repo").maxAttempts(1).build();
        ReadThroughCache cache =
            ReadThroughCache.builder(storage, dir.resolve("cache"))
                .immutableWhen(key -> POLICY.of(key).immutable())
                .build();
        RepositoryServer server = RepositoryServer.builder(cache).serving(POLICY).start()) {
      storage.write(DEB, ContentSource.ofBytes(deb), WriteCondition.none());
      storage.write(TOP, ContentSource.ofUtf8("Suite: stable\n"), WriteCondition.none());
      HttpResponse<byte[]> miss = get(noFollow, server, DEB);
      assertEquals("pinrepo; fwd=miss; stored", miss.headers().firstValue("Cache-Status").get());
      get(noFollow, server, TOP);

      s3.close(); // the origin is down from here on

      HttpResponse<byte[]> hit = get(noFollow, server, DEB);
      assertEquals(200, hit.statusCode());
      assertArrayEquals(deb, hit.body());
      assertEquals("pinrepo; hit", hit.headers().firstValue("Cache-Status").get());
      assertTrue(hit.headers().firstValue("Warning").isEmpty());

      HttpResponse<byte[]> stale = get(noFollow, server, TOP);
      assertEquals(200, stale.statusCode());
      assertEquals("Suite: stable\n", new String(stale.body(), StandardCharsets.UTF_8));
      assertTrue(
          stale.headers().firstValue("Warning").orElseThrow().startsWith("110 pinrepo "),
          stale.headers().map().toString());
      assertTrue(stale.headers().firstValue("Age").isPresent());
      assertEquals(
          "pinrepo; hit; detail=origin-unreachable",
          stale.headers().firstValue("Cache-Status").get());

      assertEquals(500, get(noFollow, server, ObjectKey.of("pool/other.deb")).statusCode());
    } finally {
      s3.close();
    }
  }
}
