package io.pinrepo.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fifty concurrent requests for one key in one region make exactly one copy, streamed or
 * server-side, and every one of them gets the same URL to the same verified bytes.
 */
class OneCopyTest {

  private static final int REQUESTS = 50;
  private static final ObjectKey KEY = ObjectKey.of("files/big.bin");

  @ParameterizedTest(name = "server-side copy: {0}")
  @ValueSource(booleans = {false, true})
  void fiftyConcurrentRequestsMakeExactlyOneCopy(boolean serverSide) throws Exception {
    InMemoryStorage memory = new InMemoryStorage();
    byte[] bytes = new byte[3 << 20];
    new Random(16).nextBytes(bytes);
    ManifestFormat.publish(memory, List.of(KEY), List.of(bytes));
    CountingOrigin origin = new CountingOrigin(memory);
    InMemoryStorage region = new InMemoryStorage();
    CountDownLatch allAsking = new CountDownLatch(REQUESTS);
    origin.gate(allAsking);

    Map<Located.Outcome, Integer> outcomes = new EnumMap<>(Located.Outcome.class);
    List<URI> urls = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
    try (RegionalMirror mirror =
        RegionalMirror.builder(origin)
            .formats(List.of(new ManifestFormat()))
            .region("eu", region, URI.create("http://eu.example/repo/"))
            .serverSideCopy(serverSide)
            .build()) {
      List<Future<Located>> answers = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        answers.add(
            pool.submit(
                () -> {
                  allAsking.countDown();
                  return mirror.locate(KEY, "eu");
                }));
      }
      for (Future<Located> answer : answers) {
        Located located = answer.get();
        outcomes.merge(located.outcome(), 1, Integer::sum);
        urls.add(located.url());
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(1, outcomes.get(Located.Outcome.COPIED), outcomes.toString());
    assertEquals(serverSide ? 1 : 0, origin.copies(KEY), "server-side copies");
    assertEquals(serverSide ? 0 : 1, origin.reads(KEY), "origin reads of the key");
    assertEquals(
        List.of(URI.create("http://eu.example/repo/files/big.bin")),
        urls.stream().distinct().toList());
    try (ObjectStream copy = region.read(KEY)) {
      assertArrayEquals(bytes, copy.readAllBytes());
    }
    assertEquals(List.of(KEY), region.keys(), "no lease or temporary object is left");
    // the region's own counts: the lease, (a temporary copy,) the copy; the lease (and temporary)
    // deleted. A lease is renewed every 10 s; this copy takes milliseconds. A request the scheduler
    // delays between its stat and its flight may lead a second flight after the first ended: it
    // takes the lease, finds the copy and lets the lease go, one write and one delete more.
    long lateLeases = region.count(Operation.DELETE) - (serverSide ? 2 : 1);
    assertTrue(lateLeases >= 0, "deletes in the region: " + region.count(Operation.DELETE));
    assertEquals(
        (serverSide ? 3 : 2) + lateLeases, region.count(Operation.WRITE), "writes into the region");
  }
}
