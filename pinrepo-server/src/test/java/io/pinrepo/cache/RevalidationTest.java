package io.pinrepo.cache;

import static io.pinrepo.cache.TestBytes.all;
import static io.pinrepo.cache.TestBytes.entryFiles;
import static io.pinrepo.cache.TestBytes.open;
import static io.pinrepo.cache.TestBytes.put;
import static io.pinrepo.cache.TestBytes.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.testkit.time.ManualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tops are served without asking within the staleness, then revalidated by version token. */
class RevalidationTest {

  private static final String TOP = "simple/example-lib/index.html";

  @TempDir Path dir;
  private final InMemoryStorage origin = new InMemoryStorage();
  private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));

  private ReadThroughCache cache(Duration maxStaleness) throws IOException {
    return ReadThroughCache.builder(origin, dir).maxStaleness(maxStaleness).clock(clock).build();
  }

  @Test
  void withinTheStalenessATopIsServedWithoutAskingTheOrigin() throws IOException {
    put(origin, TOP, utf8("<a>1.0</a>"));
    try (ReadThroughCache cache = cache(Duration.ofSeconds(60))) {
      all(open(cache, TOP));
      origin.resetCounts();
      clock.advance(Duration.ofSeconds(59));

      CachedRead read = open(cache, TOP);

      assertEquals(new Freshness(Freshness.Outcome.HIT, Duration.ofSeconds(59)), read.freshness());
      assertArrayEquals(utf8("<a>1.0</a>"), all(read));
      assertEquals(0, origin.count(Operation.ANY));
    }
  }

  @Test
  void anUnchangedTopIsRevalidatedByOneStatAndServedFromTheCache() throws IOException {
    put(origin, TOP, utf8("<a>1.0</a>"));
    try (ReadThroughCache cache = cache(Duration.ofSeconds(60))) {
      all(open(cache, TOP));
      origin.resetCounts();
      clock.advance(Duration.ofSeconds(60));

      CachedRead read = open(cache, TOP);

      assertEquals(new Freshness(Freshness.Outcome.REVALIDATED, Duration.ZERO), read.freshness());
      assertArrayEquals(utf8("<a>1.0</a>"), all(read));
      assertEquals(1, origin.count(Operation.STAT));
      assertEquals(0, origin.count(Operation.READ));

      clock.advance(Duration.ofSeconds(30)); // the revalidation restarted the clock
      assertEquals(Freshness.Outcome.HIT, open(cache, TOP).freshness().outcome());
      assertEquals(1, origin.count(Operation.STAT));
    }
  }

  @Test
  void aTopChangedAtTheOriginIsFetchedAfterTheStalenessAndTheOldFileDropped() throws IOException {
    put(origin, TOP, utf8("<a>1.0</a>"));
    try (ReadThroughCache cache = cache(Duration.ofSeconds(60))) {
      all(open(cache, TOP));
      ObjectInfo second = put(origin, TOP, utf8("<a>1.0</a><a>1.1</a>")); // not through the cache

      clock.advance(Duration.ofSeconds(30));
      assertArrayEquals(utf8("<a>1.0</a>"), all(open(cache, TOP))); // as promised: up to 60 s old
      clock.advance(Duration.ofSeconds(30));
      CachedRead read = open(cache, TOP);

      assertEquals(Freshness.Outcome.MISS, read.freshness().outcome());
      assertEquals(second.versionToken(), read.stream().info().versionToken());
      assertArrayEquals(utf8("<a>1.0</a><a>1.1</a>"), all(read));
      assertEquals(1, entryFiles(dir).size());
    }
  }

  @Test
  void withZeroStalenessEveryReadAndStatAsksTheOrigin() throws IOException {
    put(origin, TOP, utf8("<a>1.0</a>"));
    try (ReadThroughCache cache = cache(Duration.ZERO)) {
      all(open(cache, TOP));
      origin.resetCounts();

      for (int i = 0; i < 3; i++) {
        assertEquals(Freshness.Outcome.REVALIDATED, open(cache, TOP).freshness().outcome());
        assertEquals(
            Freshness.Outcome.REVALIDATED,
            cache.lookup(ObjectKey.of(TOP)).orElseThrow().freshness().outcome());
      }
      assertEquals(6, origin.count(Operation.STAT));
      assertEquals(0, origin.count(Operation.READ));
    }
  }

  @Test
  void aStatOfAnUncachedTopIsAnsweredByTheOriginWithoutFillingTheCache() throws IOException {
    ObjectInfo written = put(origin, TOP, utf8("<a>1.0</a>"));
    try (ReadThroughCache cache = cache(Duration.ofSeconds(60))) {
      CachedStat stat = cache.lookup(ObjectKey.of(TOP)).orElseThrow();

      assertEquals(written, stat.info());
      assertEquals(Freshness.miss(), stat.freshness());
      assertEquals(0, cache.usedBytes());
      assertEquals(0, origin.count(Operation.READ));
    }
  }
}
