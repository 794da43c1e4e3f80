package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.gc.GarbageCollector;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real GC over promoted distributions: the history's states are roots while it keeps them. */
class PromotionGcTest {

  private static final String PACKAGES = "main/binary-amd64/Packages";

  private final InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);

  private GarbageCollector.Result collect() throws Exception {
    Clock later = Clock.fixed(Repos.CLOCK.instant().plus(Duration.ofDays(2)), ZoneOffset.UTC);
    return new GarbageCollector(List.of(PromotionTest.repo(storage).format()), later)
        .run(storage, Duration.ZERO, false, info -> {});
  }

  @Test
  void gcKeepsWhatTheHistoryReachesAndCollectsWhatFellOutOfIt() throws Exception {
    AptRepository repo = PromotionTest.repo(storage);
    AptPromotion promotion = repo.promotion().keepingHistory(2);
    DistLayout target = new DistLayout("consistent");
    List<ObjectKey> pool = new ArrayList<>();
    List<ObjectKey> indexes = new ArrayList<>();
    List<byte[]> packages = new ArrayList<>();
    for (String version : List.of("1.0", "2.0", "3.0")) {
      repo.publishSources("current", "main", List.of(Repos.deb("hello", version, "amd64")));
      pool.add(repo.list("current").get(0).file());
      promotion.promote("current", "consistent", "");
      byte[] index = storage.peek(target.file(PACKAGES)).orElseThrow();
      packages.add(index);
      indexes.add(target.byHash(PACKAGES, Digests.of(index)));
    }

    GarbageCollector.Result result = collect();

    assertTrue(storage.peek(pool.get(0)).isEmpty(), "1.0 fell out of the history: collected");
    assertTrue(storage.peek(indexes.get(0)).isEmpty(), "so did the index of revision 1");
    assertTrue(result.collected().stream().anyMatch(o -> o.key().equals(pool.get(0))));
    for (int i = 1; i < 3; i++) {
      assertTrue(storage.peek(pool.get(i)).isPresent(), pool.get(i) + " is in the history");
      assertTrue(storage.peek(indexes.get(i)).isPresent(), indexes.get(i) + " is in the history");
    }
    PromotionTest.assertVerifies(storage);

    promotion.rollback("consistent", 2, "");

    assertArrayEquals(packages.get(1), storage.peek(target.file(PACKAGES)).orElseThrow());
    assertEquals("2.0", repo.list("consistent").get(0).version().toString());
    collect();
    assertTrue(storage.peek(pool.get(2)).isPresent(), "3.0 is still listed by current");
    PromotionTest.assertVerifies(storage);
  }
}
