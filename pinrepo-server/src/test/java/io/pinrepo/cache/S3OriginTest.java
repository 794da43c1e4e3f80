package io.pinrepo.cache;

import static io.pinrepo.cache.TestBytes.all;
import static io.pinrepo.cache.TestBytes.open;
import static io.pinrepo.cache.TestBytes.put;
import static io.pinrepo.cache.TestBytes.random;
import static io.pinrepo.cache.TestBytes.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache over the in-JVM S3 server: ETags as version tokens, writes through, and then the server
 * stopped, so the origin is really down.
 */
class S3OriginTest {

  private static final String DEB = "pool/main/h/hello/hello_1.0_all.deb";
  private static final String TOP = "dists/stable/InRelease";

  @TempDir Path dir;

  @Test
  void servesFromDiskRevalidatesByEtagAndOutlivesTheServer() throws Exception {
    byte[] deb = random(300_000, 3);
    S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"));
    try (ReadThroughCache cache =
        ReadThroughCache.builder(s3.storage("repo").maxAttempts(1).build(), dir.resolve("cache"))
            .immutableWhen(key -> key.value().startsWith("pool/"))
            .maxStaleOnError(Duration.ofHours(1))
            .build()) {
      put(cache, DEB, deb);
      put(cache, TOP, utf8("Suite: stable\n"));

      assertEquals(Freshness.Outcome.MISS, open(cache, DEB).freshness().outcome());
      assertEquals(Freshness.Outcome.MISS, open(cache, TOP).freshness().outcome());
      assertEquals(Freshness.Outcome.HIT, open(cache, DEB).freshness().outcome());
      assertEquals(Freshness.Outcome.REVALIDATED, open(cache, TOP).freshness().outcome());
      CachedRead range = cache.open(ObjectKey.of(DEB), new ByteRange(100, 50));
      assertArrayEquals(Arrays.copyOfRange(deb, 100, 150), all(range));

      ObjectInfo second = put(cache, TOP, utf8("Suite: stable\nVersion: 2\n"));
      CachedRead top = open(cache, TOP);
      assertEquals(Freshness.Outcome.MISS, top.freshness().outcome());
      assertEquals(second.versionToken(), top.stream().info().versionToken());
      assertArrayEquals(utf8("Suite: stable\nVersion: 2\n"), all(top));

      s3.close(); // the origin is down from here on

      CachedRead cachedDeb = open(cache, DEB);
      assertEquals(Freshness.Outcome.HIT, cachedDeb.freshness().outcome());
      assertArrayEquals(deb, all(cachedDeb));
      CachedRead staleTop = open(cache, TOP);
      assertTrue(staleTop.freshness().stale());
      assertArrayEquals(utf8("Suite: stable\nVersion: 2\n"), all(staleTop));
      IOException down = assertThrows(IOException.class, () -> open(cache, "pool/other.deb"));
      assertFalse(down instanceof ObjectNotFoundException, down.toString());
    } finally {
      s3.close();
    }
  }
}
