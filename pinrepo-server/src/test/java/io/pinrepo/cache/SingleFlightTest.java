package io.pinrepo.cache;

import static io.pinrepo.cache.TestBytes.put;
import static io.pinrepo.cache.TestBytes.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent misses for one key fetch it once. The origin's read is held until all 50 readers have
 * started, so most of them meet the fetch in flight and wait for it. A reader the scheduler delays
 * past the fetch finds the copy it left: an immutable key is served without asking the origin, and
 * the top is given a staleness bound so that it is too (with none, every later read of a top stats
 * the origin, which is right but would make the count depend on thread scheduling).
 */
class SingleFlightTest {

  private static final int READERS = 50;

  @TempDir Path dir;

  @Test
  void fiftyConcurrentReadersOfAnImmutableKeyMakeOneOriginRead() throws Exception {
    byte[] bytes = random(3 << 20, 1);
    List<byte[]> read =
        readConcurrently("pool/main/h/hello/hello_1.0_all.deb", bytes, key -> true, Duration.ZERO);

    assertEquals(1, origin.count(Operation.READ));
    assertEquals(0, origin.count(Operation.STAT));
    read.forEach(r -> assertArrayEquals(bytes, r));
  }

  @Test
  void fiftyConcurrentReadersOfATopMakeOneStatAndOneRead() throws Exception {
    byte[] bytes = random(100_000, 2);
    List<byte[]> read =
        readConcurrently("dists/stable/InRelease", bytes, key -> false, Duration.ofHours(1));

    assertEquals(1, origin.count(Operation.READ));
    assertEquals(1, origin.count(Operation.STAT));
    read.forEach(r -> assertArrayEquals(bytes, r));
  }

  private InMemoryStorage origin;

  private List<byte[]> readConcurrently(
      String key, byte[] bytes, Predicate<ObjectKey> immutable, Duration maxStaleness)
      throws Exception {
    origin = new InMemoryStorage();
    put(origin, key, bytes);
    origin.resetCounts();
    CountDownLatch allIn = new CountDownLatch(READERS);
    ExecutorService pool = Executors.newFixedThreadPool(READERS);
    try (ReadThroughCache cache =
        ReadThroughCache.builder(new GatedOrigin(origin, allIn), dir)
            .immutableWhen(immutable)
            .maxStaleness(maxStaleness)
            .build()) {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        Callable<byte[]> reader =
            () -> {
              allIn.countDown();
              try (CachedRead in = cache.open(ObjectKey.of(key), ByteRange.ALL)) {
                return in.stream().readAllBytes();
              }
            };
        results.add(pool.submit(reader));
      }
      List<byte[]> read = new ArrayList<>();
      for (Future<byte[]> result : results) {
        read.add(result.get());
      }
      return read;
    } finally {
      pool.shutdownNow();
    }
  }
}
