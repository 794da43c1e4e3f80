package io.pinrepo.cache;

import static io.pinrepo.cache.TestBytes.all;
import static io.pinrepo.cache.TestBytes.open;
import static io.pinrepo.cache.TestBytes.put;
import static io.pinrepo.cache.TestBytes.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the cache cannot write its copy, reads are answered from the origin and reported. */
class DiskFailureTest {

  @TempDir Path dir;

  @Test
  void aCacheThatCannotStoreServesFromTheOriginAndSaysWhy() throws IOException {
    InMemoryStorage origin = new InMemoryStorage();
    put(origin, "pool/a.deb", random(5_000, 1));
    RecordingListener listener = new RecordingListener();
    try (ReadThroughCache cache =
        ReadThroughCache.builder(origin, dir)
            .immutableWhen(key -> true)
            .listener(listener)
            .build()) {
      // the temporary directory becomes a plain file: no fill can start
      Files.delete(dir.resolve("tmp"));
      Files.writeString(dir.resolve("tmp"), "in the way");

      CachedRead read = open(cache, "pool/a.deb");

      assertEquals(Freshness.bypass(), read.freshness());
      assertArrayEquals(random(5_000, 1), all(read));
      assertEquals(1, listener.failures.size());
      assertTrue(
          listener.failures.get(0).getMessage().contains("pool/a.deb"),
          listener.failures.get(0).getMessage());
      assertEquals(0, cache.usedBytes());
    }
  }
}
