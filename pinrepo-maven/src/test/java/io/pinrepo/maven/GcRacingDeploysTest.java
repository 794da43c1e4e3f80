package io.pinrepo.maven;

import static io.pinrepo.maven.Fixtures.deployment;
import static io.pinrepo.maven.Fixtures.pomEntry;
import static io.pinrepo.maven.MavenFormatGcTest.assertClean;
import static io.pinrepo.maven.MavenFormatGcTest.buildFiles;
import static io.pinrepo.maven.MavenFormatGcTest.keys;
import static io.pinrepo.maven.MavenFormatGcTest.metadata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.gc.GarbageCollector;
import io.pinrepo.maven.SnapshotFiles.BuildFile;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * GC running while deploys commit (and prune) never deletes what a committed metadata names: the
 * deploys' files are young, and old builds go only once no metadata keeps them.
 */
class GcRacingDeploysTest {
  private static final int PUBLISHERS = 4;
  private static final int DEPLOYS_EACH = 6;
  private static final int OLD_BUILDS = 6;
  private static final int KEEP = 2;
  private static final int GC_RUNS = 5;
  private static final RetryPolicy PATIENT =
      new RetryPolicy(500, Duration.ofMillis(1), Duration.ofMillis(20));

  @Test
  void gcDuringDeploysLeavesEveryNamedFileAndTakesTheOldPrunedBuilds() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-19T10:00:00Z"));
    InMemoryStorage storage = new InMemoryStorage(clock, 5);
    MavenRepository old = MavenRepository.builder(storage).clock(clock).build();
    old.deploy(deployment("com.example", "demo", "1.0", "release"));
    for (int b = 1; b <= OLD_BUILDS; b++) {
      old.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "busy" + b));
      old.deploy(deployment("com.example", "demo", "3.0-SNAPSHOT", "idle" + b));
    }
    Set<String> oldReleaseFiles = keysUnder(storage, "com/example/demo/1.0/");
    clock.advance(Duration.ofDays(3)); // everything so far is days old; the grace is an hour

    MavenRepository deployer =
        MavenRepository.builder(storage)
            .clock(clock)
            .retention(Retention.keepNewest(KEEP))
            .retryPolicy(PATIENT)
            .build();
    GarbageCollector gc = new GarbageCollector(List.of(deployer.format()), clock);
    ConcurrentLinkedQueue<ObjectInfo> collected = new ConcurrentLinkedQueue<>();
    AtomicBoolean deploying = new AtomicBoolean(true);
    AtomicInteger gcRuns = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(PUBLISHERS + 1);
    CountDownLatch start = new CountDownLatch(1);
    try {
      Future<?> collector =
          pool.submit(
              () -> {
                start.await();
                do {
                  gc.run(storage, Duration.ofHours(1), false, collected::add);
                  gcRuns.incrementAndGet();
                } while (deploying.get());
                return null;
              });
      List<Future<List<ChangeReport<ArtifactRef>>>> publishers = new ArrayList<>();
      for (int p = 0; p < PUBLISHERS; p++) {
        int publisher = p;
        publishers.add(
            pool.submit(
                () -> {
                  start.await();
                  List<ChangeReport<ArtifactRef>> results = new ArrayList<>();
                  // keep deploying until GC has run a few times meanwhile, so they overlap
                  for (int i = 0; i < DEPLOYS_EACH || gcRuns.get() < GC_RUNS; i++) {
                    String version = i % 2 == 0 ? "2.0-SNAPSHOT" : "1." + publisher + "." + i;
                    results.add(
                        deployer.deploy(
                            deployment("com.example", "demo", version, "p" + publisher + i)));
                  }
                  return results;
                }));
      }
      start.countDown();
      List<ChangeReport<ArtifactRef>> results = new ArrayList<>();
      for (Future<List<ChangeReport<ArtifactRef>>> f : publishers) {
        results.addAll(f.get());
      }
      deploying.set(false);
      collector.get();
      gc.run(storage, Duration.ofHours(1), false, collected::add);

      assertTrue(gcRuns.get() >= GC_RUNS);
      assertClean(storage);
      MavenMetadata ga = metadata(storage, "com/example/demo/maven-metadata.xml");
      for (ChangeReport<ArtifactRef> r : results) {
        assertTrue(ga.versioning().versions().contains(pomEntry(r).version()), r.toString());
      }
      assertEquals(oldReleaseFiles, keysUnder(storage, "com/example/demo/1.0/"));
      for (ObjectInfo gone : collected) {
        Optional<BuildFile> build = SnapshotFiles.parse(gone.key());
        assertTrue(build.isPresent(), "collected a file that is no build's: " + gone.key());
        MavenMetadata now = metadata(storage, parent(gone.key()) + "/maven-metadata.xml");
        assertTrue(
            build.get().buildNumber() <= now.buildNumber() - KEEP,
            "collected a kept build's file: " + gone.key());
        assertTrue(gone.lastModified().isBefore(clock.instant().minus(Duration.ofHours(1))));
      }
      Set<String> idlePruned =
          buildFiles(
              keysUnder(storage, "com/example/demo/3.0-SNAPSHOT/"), n -> n <= OLD_BUILDS - KEEP);
      assertEquals(Set.of(), idlePruned, "GC took the pruned builds nobody deploys to");
      assertTrue(
          keys(List.copyOf(collected)).stream().anyMatch(k -> k.contains("/3.0-SNAPSHOT/")),
          "GC collected something");
      System.out.printf(
          "gc racing deploys: %d publishers, %d deploys, %d gc runs, %d objects collected,"
              + " 0 wrong%n",
          PUBLISHERS, results.size(), gcRuns.get(), collected.size());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Set<String> keysUnder(InMemoryStorage storage, String prefix) {
    Set<String> found = new java.util.TreeSet<>();
    for (ObjectKey key : storage.keys()) {
      if (key.value().startsWith(prefix)) {
        found.add(key.value());
      }
    }
    return found;
  }

  private static String parent(ObjectKey key) {
    return key.value().substring(0, key.value().lastIndexOf('/'));
  }
}
