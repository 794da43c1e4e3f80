package io.pinrepo.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.testkit.time.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The stock access log: sums per period in memory, one new object per node per period under {@code
 * .pinrepo/access/}, nothing lost when a write fails, and {@link AccessStats} sums them back.
 */
class AccessRecorderTest {

  private static final Instant T0 = Instant.parse("2025-06-01T13:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final InMemoryStorage storage = new InMemoryStorage(clock, 1000);

  private AccessRecorder recorder(String node) {
    return AccessRecorder.builder(storage)
        .node(node)
        .period(Duration.ofHours(1))
        .clock(clock)
        .flushOnTimer(false)
        .build();
  }

  private static AccessRecord hit(String key, String region, int status, long bytes, Instant t) {
    return new AccessRecord(ObjectKey.of(key), region, status, bytes, t);
  }

  @Test
  void writesOneObjectPerNodePerEndedPeriodWithTheNodeAndPeriodInItsKey() throws IOException {
    AccessRecorder recorder = recorder("node-a");
    recorder.record(hit("pool/a.deb", "eu", 302, 100, T0.plusSeconds(10)));
    recorder.record(hit("pool/a.deb", "eu", 302, 100, T0.plusSeconds(20)));
    recorder.record(hit("pool/b.deb", "us", 200, 7, T0.plusSeconds(30)));
    recorder.record(hit("pool/a.deb", "eu", 302, 100, T0.plusSeconds(3600))); // the next period

    assertEquals(List.of(), recorder.flushEnded(), "no period has ended");
    clock.advance(Duration.ofMinutes(61));
    List<ObjectKey> written = recorder.flushEnded();

    assertEquals(
        List.of(ObjectKey.of(".pinrepo/access/2025-06-01/20250601T130000Z.node-a.0.tsv")), written);
    assertEquals(
        String.join(
            "\n",
            "pinrepo-access 1",
            "node\tnode-a",
            "start\t2025-06-01T13:00:00Z",
            "end\t2025-06-01T14:00:00Z",
            "row\teu\t302\t2\t200\t2025-06-01T13:00:20Z\tpool/a.deb",
            "row\tus\t200\t1\t7\t2025-06-01T13:00:30Z\tpool/b.deb",
            ""),
        text(written.get(0)));
    assertEquals(1, recorder.flush().size(), "the current period, partial");
    assertEquals(List.of(), recorder.flush(), "nothing left");
  }

  @Test
  void nodesNeverWriteTheSameObjectAndARestartedNodeTakesTheNextSequenceNumber()
      throws IOException {
    AccessRecorder a = recorder("node-a");
    AccessRecorder b = recorder("node-b");
    AccessRecorder aAgain = recorder("node-a"); // node-a restarted within the period
    for (AccessRecorder r : List.of(a, b, aAgain)) {
      r.record(hit("pool/a.deb", "", 200, 1, T0));
    }
    assertEquals(".pinrepo/access/2025-06-01/20250601T130000Z.node-a.0.tsv", only(a.flush()));
    assertEquals(".pinrepo/access/2025-06-01/20250601T130000Z.node-b.0.tsv", only(b.flush()));
    assertEquals(".pinrepo/access/2025-06-01/20250601T130000Z.node-a.1.tsv", only(aAgain.flush()));

    AccessSummary summary = AccessStats.sumAll(storage);
    assertEquals(3, summary.files());
    assertEquals(3, summary.requests());
  }

  @Test
  void aFailedWriteKeepsTheCountsForTheNextFlush() throws IOException {
    List<IOException> failures = new ArrayList<>();
    AccessRecorder recorder =
        AccessRecorder.builder(storage)
            .node("n")
            .clock(clock)
            .flushOnTimer(false)
            .onFailure(failures::add)
            .build();
    recorder.record(hit("pool/a.deb", "eu", 302, 10, T0));
    storage.failOn(Operation.WRITE, 1);

    assertEquals(List.of(), recorder.flush());
    recorder.record(hit("pool/a.deb", "eu", 302, 10, T0.plusSeconds(1)));
    assertEquals(1, recorder.flush().size());

    assertEquals(1, failures.size());
    AccessSummary summary = AccessStats.sumAll(storage);
    assertEquals(2, summary.requests());
    assertEquals(20, summary.bytes());
  }

  @Test
  void concurrentRecordsAndFlushesLoseAndDoubleNothing() throws Exception {
    AccessRecorder recorder = recorder("n");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      work.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 2_000; i++) {
                  recorder.record(hit("pool/p" + (i % 50), "eu", 302, 3, T0.plusMillis(i)));
                  if (thread == 0 && i % 100 == 0) {
                    recorder.flush();
                  }
                }
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    recorder.close();

    AccessSummary summary = AccessStats.sumAll(storage);
    assertEquals(16_000, summary.requests());
    assertEquals(48_000, summary.bytes());
    assertEquals(50, summary.keys().size());
  }

  @Test
  void statsSumPerKeyRegionAndStatusMostRequestedFirstAndHonourSince() throws IOException {
    AccessRecorder recorder = recorder("n");
    recorder.record(hit("pool/a.deb", "eu", 302, 100, T0.minus(Duration.ofDays(3))));
    recorder.record(hit("pool/b.deb", "eu", 302, 50, T0));
    recorder.record(hit("pool/b.deb", "us", 302, 50, T0));
    recorder.record(hit("pool/c.deb", "us", 404, 0, T0));
    recorder.flush();

    AccessSummary all = AccessStats.sumAll(storage);
    assertEquals(List.of("pool/b.deb", "pool/a.deb", "pool/c.deb"), names(all.keys()));
    assertEquals(List.of("eu", "us"), names(all.regions()));
    assertEquals(List.of("302", "404"), names(all.statuses()));
    assertEquals(new AccessSummary.Total("pool/b.deb", 2, 100, T0), all.keys().get(0));
    assertEquals(List.of("pool/b.deb"), names(all.topKeys(1)));

    AccessSummary recent = AccessStats.sum(storage, T0.minus(Duration.ofDays(1)));
    assertEquals(3, recent.requests());
    assertEquals(
        Map.of("pool/a.deb", T0.minus(Duration.ofDays(3)), "pool/b.deb", T0),
        Map.copyOf(
            AccessStats.lastAccess(storage, "eu").entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        e -> e.getKey().value(), Map.Entry::getValue))));
  }

  @Test
  void anObjectUnderTheAccessPrefixThatIsNoAccessCountIsNamedInTheError() throws IOException {
    ObjectKey bad = ObjectKey.of(".pinrepo/access/2025-06-01/x.n.0.tsv");
    storage.write(bad, ContentSource.ofUtf8("not counts\n"), WriteCondition.none());
    IOException e = assertThrows(IOException.class, () -> AccessStats.sumAll(storage));
    assertTrue(e.getMessage().startsWith(bad + ": line 1:"), e.getMessage());
  }

  @Test
  void recordsValidateTheirRegionAndStatus() {
    assertThrows(IllegalArgumentException.class, () -> hit("a", "no/slash", 200, 0, T0));
    assertThrows(IllegalArgumentException.class, () -> hit("a", "eu", 42, 0, T0));
    assertThrows(IllegalArgumentException.class, () -> hit("a", "eu", 200, -1, T0));
    assertThrows(IllegalArgumentException.class, () -> AccessRecorder.builder(storage).node("a.b"));
  }

  private String text(ObjectKey key) throws IOException {
    try (ObjectStream in = storage.read(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String only(List<ObjectKey> keys) {
    assertEquals(1, keys.size(), keys.toString());
    return keys.get(0).value();
  }

  private static List<String> names(List<AccessSummary.Total> totals) {
    return totals.stream().map(AccessSummary.Total::name).toList();
  }
}
