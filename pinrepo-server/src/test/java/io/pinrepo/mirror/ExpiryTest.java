package io.pinrepo.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.access.AccessRecord;
import io.pinrepo.access.AccessRecorder;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Expiry deletes a region's copies least recently used first, by the access counts the mirror
 * server wrote into the region (or the copy's own age when it was never asked for since).
 */
class ExpiryTest {

  private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final InMemoryStorage region = new InMemoryStorage(clock, 1000);

  /** Copies a (100 bytes), b (200), c (300), d (400) made an hour apart; uses in another order. */
  @BeforeEach
  void copiesAndTheirUse() throws IOException {
    for (String name : List.of("a", "b", "c", "d")) {
      int size = 100 * ("abcd".indexOf(name) + 1);
      region.write(key(name), ContentSource.ofBytes(new byte[size]), WriteCondition.none());
      clock.advance(Duration.ofHours(1));
    }
    AccessRecorder recorder =
        AccessRecorder.builder(region).node("n").clock(clock).flushOnTimer(false).build();
    use(recorder, "a", T0.plus(Duration.ofHours(10))); // a: used last
    use(recorder, "c", T0.plus(Duration.ofHours(8)));
    use(recorder, "b", T0.plus(Duration.ofHours(6)));
    use(recorder, "d", T0.plus(Duration.ofHours(1))); // asked for in another region only
    recorder.record(new AccessRecord(key("d"), "us", 302, 400, T0.plus(Duration.ofHours(11))));
    recorder.flush();
    clock.set(T0.plus(Duration.ofHours(12)));
  }

  @Test
  void aByteBudgetDeletesLeastRecentlyUsedFirstUntilTheCopiesFit() throws IOException {
    ExpiryResult result = MirrorExpiry.of(region, "eu", clock).run(ExpiryRule.maxBytes(450), false);

    // by last use: d (copied at 3h, not used here since) < b (6h) < c (8h) < a (10h)
    assertEquals(List.of(key("d"), key("b")), keys(result.expired()));
    assertEquals(600, result.expiredBytes());
    assertEquals(2, result.kept());
    assertEquals(400, result.keptBytes());
    assertEquals(List.of("a", "c"), copiesLeft());
  }

  @Test
  void unusedForDeletesWhatWasNotUsedWithinThePeriodOldestFirst() throws IOException {
    ExpiryResult result =
        MirrorExpiry.of(region, "eu", clock).run(ExpiryRule.unusedFor(Duration.ofHours(5)), false);

    assertEquals(List.of(key("d"), key("b")), keys(result.expired()));
    assertEquals(List.of("a", "c"), copiesLeft());
  }

  @Test
  void aDryRunDeletesNothing() throws IOException {
    ExpiryResult result = MirrorExpiry.of(region, "eu", clock).run(ExpiryRule.maxBytes(0), true);

    assertEquals(List.of(key("d"), key("b"), key("c"), key("a")), keys(result.expired()));
    assertEquals(List.of("a", "b", "c", "d"), copiesLeft());
  }

  @Test
  void leasesAndTemporaryCopiesLeftByACrashADayAgoAreDeletedToo() throws IOException {
    clock.set(T0);
    region.write(Lease.keyOf(key("x")), ContentSource.ofUtf8("dead"), WriteCondition.none());
    region.write(
        ObjectKey.of(Copier.TMP + "abc.holder"),
        ContentSource.ofUtf8("torn"),
        WriteCondition.none());
    clock.set(T0.plus(Duration.ofDays(2)));
    region.write(Lease.keyOf(key("y")), ContentSource.ofUtf8("live"), WriteCondition.none());

    ExpiryResult result =
        MirrorExpiry.of(region, "eu", clock).run(ExpiryRule.maxBytes(Long.MAX_VALUE), false);

    assertEquals(2, result.leftovers());
    assertEquals(List.of(), result.expired());
    assertEquals(
        List.of(Lease.keyOf(key("y"))),
        region.keys().stream().filter(k -> k.value().startsWith(".pinrepo/mirror/")).toList());
  }

  private static void use(AccessRecorder recorder, String name, Instant when) {
    recorder.record(new AccessRecord(key(name), "eu", 302, 1, when));
  }

  private static ObjectKey key(String name) {
    return ObjectKey.of("files/" + name);
  }

  private List<String> copiesLeft() {
    return region.keys().stream()
        .filter(k -> k.value().startsWith("files/"))
        .map(ObjectKey::fileName)
        .toList();
  }

  private static List<ObjectKey> keys(List<ExpiryResult.Copy> copies) {
    return copies.stream().map(ExpiryResult.Copy::key).toList();
  }
}
