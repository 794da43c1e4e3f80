package io.pinrepo.cache;

import static io.pinrepo.cache.TestBytes.all;
import static io.pinrepo.cache.TestBytes.open;
import static io.pinrepo.cache.TestBytes.put;
import static io.pinrepo.cache.TestBytes.random;
import static io.pinrepo.cache.TestBytes.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.testkit.time.ManualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The origin fails (every call below fails its first origin operation): immutables are served, tops
 * are served stale within the bound and marked so, and beyond it the origin's error is thrown.
 */
class OriginFailureTest {

  private static final String DEB = "pool/main/h/hello/hello_1.0_all.deb";
  private static final String TOP = "dists/stable/InRelease";

  @TempDir Path dir;
  private final InMemoryStorage origin = new InMemoryStorage();
  private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final RecordingListener listener = new RecordingListener();
  private ReadThroughCache cache;

  @BeforeEach
  void fillTheCache() throws IOException {
    put(origin, DEB, random(40_000, 1));
    put(origin, TOP, utf8("Suite: stable\n"));
    cache =
        ReadThroughCache.builder(origin, dir)
            .immutableWhen(key -> key.value().startsWith("pool/"))
            .maxStaleness(Duration.ofMinutes(1))
            .maxStaleOnError(Duration.ofMinutes(10))
            .clock(clock)
            .listener(listener)
            .build();
    all(open(cache, DEB));
    all(open(cache, TOP));
    origin.resetCounts();
  }

  @Test
  void cachedImmutablesAreServedWithoutTheOrigin() throws IOException {
    clock.advance(Duration.ofDays(30));
    origin.failOn(Operation.ANY, 1);

    CachedRead read = open(cache, DEB);

    assertEquals(new Freshness(Freshness.Outcome.HIT, Duration.ofDays(30)), read.freshness());
    assertArrayEquals(random(40_000, 1), all(read));
    assertEquals(0, origin.count(Operation.ANY));
    assertEquals(40_000, cache.lookup(ObjectKey.of(DEB)).orElseThrow().info().size());
    // the fault is still armed: the origin was never asked
    assertThrows(InjectedFaultException.class, () -> open(cache, "pool/not-cached.deb"));
  }

  @Test
  void aTopIsServedStaleWithinTheBoundAndSaysSo() throws IOException {
    clock.advance(Duration.ofMinutes(9));
    origin.failOn(Operation.STAT, 1);

    CachedRead read = open(cache, TOP);

    assertTrue(read.freshness().stale());
    assertEquals(Duration.ofMinutes(9), read.freshness().age());
    assertArrayEquals(utf8("Suite: stable\n"), all(read));
    assertEquals(List.of(Freshness.Outcome.STALE), listener.served.subList(2, 3));

    origin.failOn(Operation.STAT, 1);
    CachedStat stat = cache.lookup(ObjectKey.of(TOP)).orElseThrow();
    assertEquals(new Freshness(Freshness.Outcome.STALE, Duration.ofMinutes(9)), stat.freshness());
  }

  @Test
  void aTopBeyondTheBoundFailsWithTheOriginsError() throws IOException {
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    origin.failOn(Operation.STAT, 1);
    assertThrows(InjectedFaultException.class, () -> open(cache, TOP));
    origin.failOn(Operation.STAT, 1);
    assertThrows(InjectedFaultException.class, () -> cache.lookup(ObjectKey.of(TOP)));
  }

  @Test
  void aTopWhoseNewVersionCannotBeFetchedIsServedStale() throws IOException {
    put(origin, TOP, utf8("Suite: stable\nVersion: 2\n"));
    clock.advance(Duration.ofMinutes(2));
    origin.failOn(Operation.READ, 1);

    CachedRead read = open(cache, TOP);

    assertEquals(new Freshness(Freshness.Outcome.STALE, Duration.ofMinutes(2)), read.freshness());
    assertArrayEquals(utf8("Suite: stable\n"), all(read));
    assertArrayEquals(utf8("Suite: stable\nVersion: 2\n"), all(open(cache, TOP)));
  }

  @Test
  void anUncachedObjectFailsWithTheOriginsError() {
    origin.failOn(Operation.ANY, 1);

    assertThrows(InjectedFaultException.class, () -> open(cache, "pool/other.deb"));
  }

  @Test
  void aTopTheOriginNoLongerHasIsNotFoundAndDropped() throws IOException {
    origin.delete(ObjectKey.of(TOP), WriteCondition.none()); // behind the cache's back
    clock.advance(Duration.ofMinutes(2));

    assertThrows(ObjectNotFoundException.class, () -> open(cache, TOP));
    origin.failOn(Operation.STAT, 1);
    assertThrows(InjectedFaultException.class, () -> open(cache, TOP)); // nothing left to serve
  }
}
