package io.pinrepo.cache;

import static io.pinrepo.cache.TestBytes.all;
import static io.pinrepo.cache.TestBytes.open;
import static io.pinrepo.cache.TestBytes.put;
import static io.pinrepo.cache.TestBytes.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranged reads are served from the cached file; a ranged miss fetches the whole object once. */
class RangeTest {

  private static final String KEY = "pool/big.deb";
  private static final byte[] BYTES = random(1 << 20, 5);

  @TempDir Path dir;
  private final InMemoryStorage origin = new InMemoryStorage();

  @Test
  void rangesAreServedFromTheCachedFile() throws IOException {
    put(origin, KEY, BYTES);
    try (ReadThroughCache cache =
        ReadThroughCache.builder(origin, dir).immutableWhen(key -> true).build()) {
      CachedRead first = cache.open(ObjectKey.of(KEY), new ByteRange(1000, 24));
      assertEquals(Freshness.Outcome.MISS, first.freshness().outcome());
      assertArrayEquals(Arrays.copyOfRange(BYTES, 1000, 1024), all(first));

      for (long offset : new long[] {0, 1, 65_535, 65_536, BYTES.length - 1, BYTES.length}) {
        CachedRead read = cache.open(ObjectKey.of(KEY), ByteRange.from(offset));
        assertEquals(Freshness.Outcome.HIT, read.freshness().outcome());
        assertEquals(BYTES.length, read.stream().info().size());
        assertArrayEquals(Arrays.copyOfRange(BYTES, (int) offset, BYTES.length), all(read));
      }
      assertArrayEquals(BYTES, all(open(cache, KEY)));
      assertEquals(1, origin.count(Operation.READ));
    }
  }
}
