package io.pinrepo.cache;

import static io.pinrepo.cache.TestBytes.all;
import static io.pinrepo.cache.TestBytes.entryFiles;
import static io.pinrepo.cache.TestBytes.open;
import static io.pinrepo.cache.TestBytes.put;
import static io.pinrepo.cache.TestBytes.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte bound holds and the least recently used entries go first. */
class EvictionTest {

  private static final int SIZE = 10_000;

  @TempDir Path dir;
  private final InMemoryStorage origin = new InMemoryStorage();
  private final RecordingListener listener = new RecordingListener();

  /** Ten objects of equal size whose keys and tokens have equal lengths: equal entry files. */
  private long entryBytes() throws IOException {
    for (int i = 0; i < 10; i++) {
      put(origin, "pool/k" + i, random(SIZE, i));
    }
    origin.resetCounts();
    try (ReadThroughCache probe = cache(Long.MAX_VALUE, dir.resolve("probe"))) {
      all(open(probe, "pool/k0"));
      return probe.usedBytes();
    }
  }

  private ReadThroughCache cache(long maxBytes, Path directory) throws IOException {
    return ReadThroughCache.builder(new KeptOpen(origin), directory)
        .immutableWhen(key -> true)
        .maxBytes(maxBytes)
        .listener(listener)
        .build();
  }

  @Test
  void evictsLeastRecentlyUsedFirstAndKeepsTheByteBound() throws IOException {
    long entry = entryBytes();
    long bound = 4 * entry + entry / 2;
    try (ReadThroughCache cache = cache(bound, dir.resolve("cache"))) {
      for (int i = 0; i < 4; i++) {
        all(open(cache, "pool/k" + i));
      }
      all(open(cache, "pool/k0")); // k0 is now the most recently used, k1 the least
      assertEquals(List.of(), listener.evicted);

      for (int i = 4; i < 7; i++) {
        all(open(cache, "pool/k" + i));
        assertTrue(cache.usedBytes() <= bound, "over the bound: " + cache.usedBytes());
      }

      assertEquals(List.of("pool/k1", "pool/k2", "pool/k3"), listener.evicted);
      assertEquals(4 * entry, cache.usedBytes());
      assertEquals(4, entryFiles(cache.directory()).size());
      origin.resetCounts();
      for (String kept : List.of("pool/k0", "pool/k4", "pool/k5", "pool/k6")) {
        assertEquals(Freshness.Outcome.HIT, open(cache, kept).freshness().outcome());
      }
      assertEquals(0, origin.count(Operation.READ));
      assertArrayEquals(random(SIZE, 1), all(open(cache, "pool/k1")));
      assertEquals(1, origin.count(Operation.READ));
    }
  }

  @Test
  void anObjectLargerThanTheCacheIsServedFromTheOriginUncached() throws IOException {
    long entry = entryBytes();
    try (ReadThroughCache cache = cache(entry - 1, dir.resolve("cache"))) {
      CachedRead read = open(cache, "pool/k3");

      assertEquals(Freshness.Outcome.BYPASS, read.freshness().outcome());
      assertArrayEquals(random(SIZE, 3), all(read));
      assertEquals(0, cache.usedBytes());
      assertEquals(List.of(), entryFiles(cache.directory()));
    }
  }
}
