package io.pinrepo.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.s3.S3Storage;
import io.pinrepo.server.Redirects;
import io.pinrepo.server.RepositoryServer;
import io.pinrepo.server.Site;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 to S3 on the in-JVM S3 server: the copy goes server-side and is verified before it is
 * published, the redirect is a presigned URL that a real HTTP client follows (the server checks its
 * signature), and a tampered origin file leaves nothing in the region bucket.
 */
class S3MirrorTest {

  private static final ObjectKey DEB = ObjectKey.of("files/pkg_1.0_amd64.deb");
  private static final ObjectKey BAD = ObjectKey.of("files/bad_1.0_amd64.deb");

  @TempDir Path dir;

  @Test
  void copiesServerSideAndRedirectsToAPresignedUrlThatARealClientFollows() throws Exception {
    byte[] deb = new byte[1 << 20];
    new Random(7).nextBytes(deb);
    RecordingMirrorListener listener = new RecordingMirrorListener();
    try (S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"));
        S3Storage origin = s3.storage("origin").build();
        S3Storage region = s3.storage("eu").build()) {
      ManifestFormat.publish(origin, List.of(DEB, BAD), List.of(deb, "bad".getBytes()));
      origin.write(BAD, ContentSource.ofUtf8("tampered"), WriteCondition.none());
      try (RegionalMirror mirror =
              RegionalMirror.builder(origin)
                  .formats(List.of(new ManifestFormat()))
                  .region("eu", region)
                  .listener(listener)
                  .build();
          RepositoryServer server =
              RepositoryServer.builder(
                      List.of(new Site("eu", origin, Redirects.toRegion(mirror, "eu"))))
                  .serving(new ManifestFormat())
                  .start()) {
        HttpClient noFollow = HttpClient.newHttpClient();
        HttpResponse<byte[]> redirect = get(noFollow, server, "eu/" + DEB);
        assertEquals(302, redirect.statusCode());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(s3.endpoint().toString()), location);
        assertTrue(location.contains("X-Amz-Signature="), location);

        HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<byte[]> followed = get(client, server, "eu/" + DEB);
        assertEquals(200, followed.statusCode());
        assertArrayEquals(deb, followed.body());

        assertEquals(502, get(noFollow, server, "eu/" + BAD).statusCode());
      }
      assertEquals(
          List.of("marked 3", "copied eu " + DEB + " server-side", "failed eu " + BAD),
          listener.events());
      List<ObjectKey> regionKeys = region.list("").toList().stream().map(ObjectInfo::key).toList();
      assertEquals(List.of(DEB), regionKeys, "no tampered copy, lease or temporary object");
    }
  }

  @Test
  void aStreamedCopyOfATamperedFileLeavesNothingInTheBucketSinglePartOrMultipart()
      throws Exception {
    ObjectKey small = ObjectKey.of("files/small_1.0_all.deb");
    ObjectKey large = ObjectKey.of("files/large_1.0_all.deb");
    byte[] smallBytes = new byte[100_000];
    byte[] largeBytes = new byte[12 << 20]; // two parts of 6 MiB
    new Random(1).nextBytes(smallBytes);
    new Random(2).nextBytes(largeBytes);
    try (S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"));
        S3Storage origin = s3.storage("origin").build();
        S3Storage region = s3.storage("eu").partSize(6 << 20).build()) {
      ManifestFormat.publish(origin, List.of(small, large), List.of(smallBytes, largeBytes));
      for (ObjectKey key : List.of(small, large)) {
        byte[] tampered = (key.equals(small) ? smallBytes : largeBytes).clone();
        tampered[tampered.length - 1] ^= 1; // the very last byte
        origin.write(key, ContentSource.ofBytes(tampered), WriteCondition.none());
      }
      try (RegionalMirror mirror =
          RegionalMirror.builder(origin)
              .formats(List.of(new ManifestFormat()))
              .region("eu", region)
              .serverSideCopy(false)
              .build()) {
        assertThrows(CopyVerificationException.class, () -> mirror.locate(small, "eu"));
        assertThrows(CopyVerificationException.class, () -> mirror.locate(large, "eu"));
      }
      assertEquals(List.of(), region.list("").toList(), "no copy and no lease");
    }
  }

  private static HttpResponse<byte[]> get(HttpClient client, RepositoryServer server, String path)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
