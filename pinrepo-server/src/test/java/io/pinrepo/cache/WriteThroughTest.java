package io.pinrepo.cache;

import static io.pinrepo.cache.TestBytes.all;
import static io.pinrepo.cache.TestBytes.entryFiles;
import static io.pinrepo.cache.TestBytes.get;
import static io.pinrepo.cache.TestBytes.open;
import static io.pinrepo.cache.TestBytes.put;
import static io.pinrepo.cache.TestBytes.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes and deletes go to the origin and drop the cached copies, also of a fetch under way. */
class WriteThroughTest {

  private static final String KEY = "pool/main/h/hello/hello_1.0_all.deb";

  @TempDir Path dir;
  private final InMemoryStorage origin = new InMemoryStorage();

  private ReadThroughCache cache(Storage over) throws IOException {
    return ReadThroughCache.builder(over, dir).immutableWhen(key -> true).build();
  }

  @Test
  void aWriteThroughTheCacheReachesTheOriginAndReplacesTheCachedCopy() throws IOException {
    put(origin, KEY, utf8("one"));
    try (ReadThroughCache cache = cache(origin)) {
      all(open(cache, KEY));

      put(cache, KEY, utf8("two"));

      assertArrayEquals(utf8("two"), origin.peek(ObjectKey.of(KEY)).orElseThrow());
      assertEquals(List.of(), entryFiles(dir));
      assertEquals(0, cache.usedBytes());
      assertArrayEquals(utf8("two"), get(cache, KEY));
    }
  }

  @Test
  void aDeleteThroughTheCacheDropsTheCachedCopy() throws IOException {
    put(origin, KEY, utf8("one"));
    try (ReadThroughCache cache = cache(origin)) {
      all(open(cache, KEY));

      cache.delete(ObjectKey.of(KEY), WriteCondition.none());

      assertEquals(List.of(), origin.keys());
      assertThrows(ObjectNotFoundException.class, () -> open(cache, KEY));
      assertEquals(List.of(), entryFiles(dir));
    }
  }

  @Test
  void aWriteTheOriginRefusesStillDropsTheCachedCopy() throws IOException {
    put(origin, KEY, utf8("one"));
    try (ReadThroughCache cache = cache(origin)) {
      all(open(cache, KEY));
      origin.resetCounts();

      assertThrows(
          PreconditionFailedException.class,
          () ->
              cache.write(
                  ObjectKey.of(KEY), ContentSource.ofUtf8("two"), WriteCondition.mustBeAbsent()));

      assertArrayEquals(utf8("one"), get(cache, KEY));
      assertEquals(1, origin.count(Operation.READ));
    }
  }

  @Test
  void aWriteDuringAFetchKeepsTheFetchedOldVersionOutOfTheCache() throws IOException {
    put(origin, KEY, utf8("old"));
    AtomicReference<ReadThroughCache> cache = new AtomicReference<>();
    // the origin hands out the old version, then (before the cache has stored it) a writer
    // replaces it through the cache: the old bytes must not be kept
    Storage writesDuringFirstRead =
        new ForwardingStorage(origin) {
          private boolean first = true;

          @Override
          public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
            ObjectStream old = super.read(key, range);
            if (first) {
              first = false;
              put(cache.get(), KEY, utf8("new"));
            }
            return old;
          }
        };
    cache.set(cache(writesDuringFirstRead));
    try (ReadThroughCache c = cache.get()) {
      CachedRead read = open(c, KEY);

      assertArrayEquals(utf8("new"), all(read));
      assertEquals(2, origin.count(Operation.READ));
      assertArrayEquals(utf8("new"), all(open(c, KEY)));
      assertEquals(2, origin.count(Operation.READ));
    }
  }
}
