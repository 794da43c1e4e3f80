package io.pinrepo.cache;

import static io.pinrepo.cache.TestBytes.all;
import static io.pinrepo.cache.TestBytes.entryFiles;
import static io.pinrepo.cache.TestBytes.open;
import static io.pinrepo.cache.TestBytes.put;
import static io.pinrepo.cache.TestBytes.random;
import static io.pinrepo.cache.TestBytes.tempFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.testkit.time.ManualClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new cache on an old directory takes up its whole entries and nothing else. */
class RestartTest {

  @TempDir Path dir;
  private final InMemoryStorage origin = new InMemoryStorage();
  // a clock that stands still: the last-used order must survive without it moving
  private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));

  private ReadThroughCache cache(long maxBytes) throws IOException {
    return ReadThroughCache.builder(new KeptOpen(origin), dir)
        .immutableWhen(key -> key.value().startsWith("pool/"))
        .maxBytes(maxBytes)
        .clock(clock)
        .build();
  }

  @Test
  void aRestartServesWhatWasCachedWithoutAskingTheOrigin() throws IOException {
    for (int i = 0; i < 5; i++) {
      put(origin, "pool/p" + i, random(20_000 + i, i));
    }
    long used;
    try (ReadThroughCache cache = cache(1 << 20)) {
      for (int i = 0; i < 5; i++) {
        all(open(cache, "pool/p" + i));
      }
      used = cache.usedBytes();
    }
    origin.resetCounts();

    try (ReadThroughCache cache = cache(1 << 20)) {
      assertEquals(used, cache.usedBytes());
      for (int i = 0; i < 5; i++) {
        CachedRead read = open(cache, "pool/p" + i);
        assertEquals(Freshness.Outcome.HIT, read.freshness().outcome());
        assertArrayEquals(random(20_000 + i, i), all(read));
      }
    }
    assertEquals(0, origin.count(Operation.ANY));
  }

  @Test
  void aRestartKeepsTheLeastRecentlyUsedOrder() throws IOException {
    for (String key : List.of("pool/a", "pool/b", "pool/c")) {
      put(origin, key, random(10_000, key.hashCode()));
    }
    long entry;
    try (ReadThroughCache cache = cache(1 << 20)) {
      all(open(cache, "pool/a"));
      entry = cache.usedBytes();
      all(open(cache, "pool/b"));
      all(open(cache, "pool/c"));
      all(open(cache, "pool/a")); // b is now the least recently used
    }
    origin.resetCounts();

    try (ReadThroughCache cache = cache(2 * entry)) { // room for two: b must go
      assertEquals(2 * entry, cache.usedBytes());
      all(open(cache, "pool/a"));
      all(open(cache, "pool/c"));
      assertEquals(0, origin.count(Operation.READ));
      all(open(cache, "pool/b"));
      assertEquals(1, origin.count(Operation.READ));
    }
  }

  @Test
  void aTornTemporaryFileLeftByAKillIsIgnoredAndDeleted() throws IOException {
    put(origin, "pool/whole", random(50_000, 1));
    try (ReadThroughCache cache = cache(1 << 20)) {
      all(open(cache, "pool/whole"));
    }
    // what a fill killed half-way leaves: the start of a cache file under tmp/, unlocked
    Path whole = entryFiles(dir).get(0);
    Path torn = dir.resolve("tmp").resolve("0f3c1e7a-killed.part");
    Files.write(torn, Files.readAllBytes(whole), StandardOpenOption.CREATE_NEW);
    try (FileChannel channel = FileChannel.open(torn, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(whole) / 2);
    }

    try (ReadThroughCache cache = cache(1 << 20)) {
      assertEquals(List.of(), tempFiles(dir));
      assertEquals(List.of(whole), entryFiles(dir));
      assertArrayEquals(random(50_000, 1), all(open(cache, "pool/whole")));
    }
  }

  @Test
  void aDamagedEntryFileIsNeverServedAndIsDeleted() throws IOException {
    put(origin, "pool/damaged", random(50_000, 2));
    try (ReadThroughCache cache = cache(1 << 20)) {
      all(open(cache, "pool/damaged"));
    }
    Path file = entryFiles(dir).get(0);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(file) - 1);
    }
    origin.resetCounts();

    try (ReadThroughCache cache = cache(1 << 20)) {
      assertEquals(0, cache.usedBytes());
      assertEquals(List.of(), entryFiles(dir));
      CachedRead read = open(cache, "pool/damaged");
      assertEquals(Freshness.Outcome.MISS, read.freshness().outcome());
      assertArrayEquals(random(50_000, 2), all(read));
    }
    assertEquals(1, origin.count(Operation.READ));
  }

  @Test
  void aDirectoryWithOtherFilesIsRefusedAndLeftAlone() throws IOException {
    Path precious = Files.writeString(dir.resolve("notes.txt"), "keep me");

    IOException e = assertThrows(IOException.class, () -> cache(1 << 20));

    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(precious), files.toList());
    }
  }
}
