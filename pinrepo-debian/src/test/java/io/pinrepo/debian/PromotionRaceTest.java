package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Promotions racing each other and publishes into their source. */
class PromotionRaceTest {

  @TempDir Path tmp;

  private final InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);

  @Test
  void racingPromotionsIntoOneDistributionAllSucceedAndAllAreRecorded() throws Exception {
    AptRepository repo = PromotionTest.repo(storage);
    repo.publishSources("a", "main", List.of(Repos.deb("alpha", "1.0", "amd64")));
    repo.publishSources("b", "main", List.of(Repos.deb("beta", "1.0", "amd64")));
    int rounds = 6;
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<List<Promotion>>> results = new ArrayList<>();
    try {
      for (String source : List.of("a", "b")) {
        results.add(
            threads.submit(
                () -> {
                  List<Promotion> made = new ArrayList<>();
                  for (int i = 0; i < rounds; i++) {
                    start.await();
                    made.add(repo.promotion().promote(source, "target", source + " " + i));
                  }
                  return made;
                }));
      }
      Set<Integer> revisions = new TreeSet<>();
      for (Future<List<Promotion>> result : results) {
        result.get().forEach(p -> revisions.add(p.revision()));
      }
      assertEquals(2 * rounds, revisions.size(), "every promotion has its own revision");
    } finally {
      threads.shutdownNow();
    }

    List<Promotion> history = repo.promotion().history("target");
    assertEquals(2 * rounds, history.size());
    Set<String> notes = new TreeSet<>();
    history.forEach(p -> notes.add(p.note().orElseThrow()));
    for (String source : List.of("a", "b")) {
      for (int i = 0; i < rounds; i++) {
        assertTrue(notes.contains(source + " " + i), notes::toString);
      }
    }
    ReleaseFile target = Repos.release(storage, "target");
    assertTrue(
        target.files().equals(Repos.release(storage, "a").files())
            || target.files().equals(Repos.release(storage, "b").files()));
    assertTrue(repo.promotion().currentRevision("target").isPresent());
    Repos.assertConsistent(storage, "target");
    PromotionTest.assertVerifies(storage);
  }

  @Test
  void promotionsRacingThroughTwoFileSystemStoragesOnOneDirectoryAreBothRecorded()
      throws Exception {
    Path repoDir = tmp.resolve("repo");
    try (FileSystemStorage setup = FileSystemStorage.open(repoDir)) {
      AptRepository repo = PromotionTest.repo(setup);
      repo.publishSources("a", "main", List.of(Repos.deb("alpha", "1.0", "amd64")));
      repo.publishSources("b", "main", List.of(Repos.deb("beta", "1.0", "amd64")));
    }
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (String source : List.of("a", "b")) {
        results.add(
            threads.submit(
                () -> {
                  try (FileSystemStorage own = FileSystemStorage.open(repoDir)) {
                    AptPromotion promotion = PromotionTest.repo(own).promotion();
                    start.await();
                    return promotion.promote(source, "target", source).revision();
                  }
                }));
      }
      Set<Integer> revisions = new TreeSet<>();
      for (Future<Integer> result : results) {
        revisions.add(result.get());
      }
      assertEquals(Set.of(1, 2), revisions);
    } finally {
      threads.shutdownNow();
    }
    try (FileSystemStorage storage = FileSystemStorage.open(repoDir)) {
      AptPromotion promotion = PromotionTest.repo(storage).promotion();
      Set<String> sources = new TreeSet<>();
      promotion.history("target").forEach(p -> sources.add(p.source()));
      assertEquals(Set.of("a", "b"), sources);
      assertTrue(promotion.currentRevision("target").isPresent());
      PromotionTest.assertVerifies(storage);
    }
  }

  @Test
  void aPublishIntoTheSourceDuringAPromotionNeverTearsTheTarget() throws Exception {
    AptRepository plain = PromotionTest.repo(storage);
    plain.publishSources("current", "main", List.of(Repos.deb("hello", "1.0", "amd64")));
    plain.promotion().promote("current", "consistent", "");
    List<PackageRef> old = plain.list("consistent");
    plain.publishSources("current", "main", List.of(Repos.deb("hello", "2.0", "amd64")));
    List<PackageRef> promoted = plain.list("current");
    String releaseRead = Repos.text(storage, "dists/current/Release");
    List<List<PackageRef>> seenMidway = new ArrayList<>();
    HookedStorage hooked =
        new HookedStorage(
            storage,
            key -> key.value().startsWith("dists/consistent/") && key.value().contains("by-hash"),
            () -> {
              plain.publishSources(
                  "current",
                  "main",
                  List.of(Repos.deb("hello", "3.0", "amd64"), Repos.deb("world", "1", "all")));
              seenMidway.add(plain.list("consistent"));
              PromotionTest.assertVerifies(storage);
            });

    Promotion promotion =
        PromotionTest.repo(hooked).promotion().promote("current", "consistent", "");

    assertTrue(hooked.fired());
    assertEquals(List.of(old), seenMidway);
    assertEquals(promoted, plain.list("consistent"));
    assertEquals(
        Digests.of(releaseRead.getBytes(StandardCharsets.UTF_8)).sha256(),
        promotion.sourceReleaseSha256());
    assertTrue(storage.peek(ObjectKey.of("dists/current/Release")).isPresent());
    Repos.assertConsistent(storage, "consistent");
    PromotionTest.assertVerifies(storage);
  }
}
