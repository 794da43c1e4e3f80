package io.pinrepo.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers for the report, not assertions of speed: hit latency of small objects, and a cold fill of
 * a large object against reading it straight from a filesystem origin. Run with {@code
 * -Dpinrepo.excludedGroups=none -Dgroups=benchmark}; size with {@code -Dbench.largeMiB=N}.
 */
@Tag("benchmark")
class CacheBenchmark {

  @TempDir Path dir;

  @Test
  void hitLatencyOfSmallObjects() throws IOException {
    InMemoryStorage memory = new InMemoryStorage();
    for (int i = 0; i < 100; i++) {
      TestBytes.put(memory, "pool/p" + i, TestBytes.random(4096, i));
      TestBytes.put(memory, "dists/d" + i, TestBytes.random(4096, i));
    }
    try (ReadThroughCache cache =
        ReadThroughCache.builder(new KeptOpen(memory), dir)
            .immutableWhen(key -> key.value().startsWith("pool/"))
            .maxStaleness(Duration.ofMinutes(1))
            .build()) {
      report("memory origin, direct, 4 KiB", perRead(memory, "pool/p", 200_000));
      report("cache hit, immutable, 4 KiB, 100 keys in turn", perRead(cache, "pool/p", 200_000));
      report("cache hit, immutable, 4 KiB, one hot key", perRead(cache, "pool/p1", 200_000));
      report("cache hit, top within staleness, 4 KiB", perRead(cache, "dists/d", 200_000));
    }
    try (FileSystemStorage fs = FileSystemStorage.open(dir.resolve("fs"))) {
      for (int i = 0; i < 100; i++) {
        TestBytes.put(fs, "pool/p" + i, TestBytes.random(4096, i));
      }
      report("filesystem origin, direct, 4 KiB", perRead(fs, "pool/p", 200_000));
    }
    try (ReadThroughCache cache = ReadThroughCache.builder(memory, dir.resolve("zero")).build()) {
      report("cache revalidated (stat + file), 4 KiB", perRead(cache, "dists/d", 200_000));
    }
  }

  @Test
  void coldFillOfALargeObjectAgainstADirectRead() throws IOException {
    long size = Long.getLong("bench.largeMiB", 512) << 20;
    ObjectKey key = ObjectKey.of("pool/large.deb");
    try (FileSystemStorage origin = FileSystemStorage.open(dir.resolve("origin"))) {
      origin.write(key, new GeneratedContent(size, 1), WriteCondition.none());
      for (int round = 0; round < 3; round++) {
        long direct = timeRead(origin, key, size);
        try (ReadThroughCache cache =
            ReadThroughCache.builder(new KeptOpen(origin), dir.resolve("cache" + round))
                .immutableWhen(k -> true)
                .maxBytes(4 * size)
                .build()) {
          long cold = timeRead(cache, key, size);
          long warm = timeRead(cache, key, size);
          System.out.printf(
              Locale.ROOT,
              "BENCH %d MiB: direct %.0f MiB/s, cold fill + serve %.0f MiB/s, hit %.0f MiB/s%n",
              size >> 20,
              mibPerSecond(size, direct),
              mibPerSecond(size, cold),
              mibPerSecond(size, warm));
        }
      }
    }
  }

  private static double perRead(Storage storage, String prefix, int reads) throws IOException {
    byte[] buffer = new byte[8192];
    for (int i = 0; i < reads / 4; i++) { // warm-up, and the fills
      drain(storage, key(prefix, i), buffer);
    }
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) { // the best of three: the machine is shared
      long start = System.nanoTime();
      for (int i = 0; i < reads; i++) {
        drain(storage, key(prefix, i), buffer);
      }
      best = Math.min(best, (System.nanoTime() - start) / 1000.0 / reads);
    }
    return best;
  }

  /** The i-th of 100 keys under {@code prefix}; a full key (ending in a digit) is just itself. */
  private static ObjectKey key(String prefix, int i) {
    return ObjectKey.of(
        Character.isDigit(prefix.charAt(prefix.length() - 1)) ? prefix : prefix + (i % 100));
  }

  private static long drain(Storage storage, ObjectKey key, byte[] buffer) throws IOException {
    long n = 0;
    try (ObjectStream in = storage.read(key, ByteRange.ALL)) {
      for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
        n += r;
      }
    }
    return n;
  }

  private static long timeRead(Storage storage, ObjectKey key, long size) throws IOException {
    long start = System.nanoTime();
    byte[] buffer = new byte[64 * 1024];
    long n = 0;
    try (InputStream in = storage.read(key)) {
      for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
        n += r;
      }
    }
    assertEquals(size, n);
    return System.nanoTime() - start;
  }

  private static double mibPerSecond(long bytes, long nanos) {
    return (bytes / 1048576.0) / (nanos / 1e9);
  }

  private static void report(String what, double micros) {
    System.out.printf(Locale.ROOT, "BENCH %s: %.1f us per read%n", what, micros);
  }
}
