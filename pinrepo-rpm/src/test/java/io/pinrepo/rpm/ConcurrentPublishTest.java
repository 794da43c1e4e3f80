package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads publishing into one path (and removing from it) at once all land, through conditional
 * writes and retries, in memory and on a filesystem; the signature ends signing the final
 * repomd.xml.
 */
class ConcurrentPublishTest {
  private static final int PUBLISHERS = 5;
  private static final int EACH = 4;

  @TempDir Path dir;

  @Test
  void everyConcurrentPublishLandsInMemory() throws Exception {
    try (Storage storage = new InMemoryStorage()) {
      raceInto(storage);
    }
  }

  @Test
  void everyConcurrentPublishLandsOnAFileSystem() throws Exception {
    try (Storage storage = FileSystemStorage.open(dir.resolve("repo"))) {
      raceInto(storage);
    }
  }

  private void raceInto(Storage storage) throws Exception {
    Rpms rpms = new Rpms(dir.resolve("in"));
    Signer signer =
        PgpSigner.load(
            new ByteArrayInputStream(
                PgpKeyGenerator.generate("t <t@example.org>", Clock.systemUTC())
                    .armoredSecretKey()
                    .getBytes(StandardCharsets.US_ASCII)),
            "key",
            new char[0],
            Clock.systemUTC());
    RetryPolicy fast = new RetryPolicy(500, Duration.ofNanos(1000), Duration.ofMillis(2));
    RpmRepository seed = RpmRepository.builder(storage).signer(signer).build();
    seed.publish(RpmRepositoryTest.PATH, List.of(rpms.rpm("doomed", "1", "noarch")));
    List<List<Path>> work = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    for (int p = 0; p < PUBLISHERS; p++) {
      List<Path> mine = new ArrayList<>();
      for (int i = 0; i < EACH; i++) {
        // one name everyone publishes versions of, and one of its own
        String name = i % 2 == 0 ? "shared" : "own" + p;
        mine.add(rpms.rpm(name, p + "." + i, "x86_64"));
        expected.add(name + "-" + p + "." + i + "-1.x86_64");
      }
      work.add(mine);
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(PUBLISHERS + 1);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (List<Path> mine : work) {
        RpmRepository repo =
            RpmRepository.builder(storage).signer(signer).retryPolicy(fast).build();
        Callable<Void> task =
            () -> {
              start.await();
              for (Path f : mine) {
                repo.publish(RpmRepositoryTest.PATH, List.of(f));
              }
              return null;
            };
        done.add(pool.submit(task));
      }
      RpmRepository remover =
          RpmRepository.builder(storage).signer(signer).retryPolicy(fast).build();
      done.add(
          pool.submit(
              () -> {
                start.await();
                remover.remove(RpmRepositoryTest.PATH, RpmSelector.named("doomed"));
                return null;
              }));
      start.countDown();
      for (Future<Void> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> listed = new TreeSet<>();
    seed.list(RpmRepositoryTest.PATH).forEach(r -> listed.add(r.toString()));
    assertEquals(expected, listed);
    assertEquals(List.of(), Rpms.verify(storage));
    assertTrue(
        RepomdSignature.signs(
            bytes(storage, SignedRepositoryTest.ASC), bytes(storage, SignedRepositoryTest.REPOMD)),
        "the signature ends behind its repomd.xml");
  }

  static byte[] bytes(Storage storage, ObjectKey key) throws java.io.IOException {
    try (ObjectStream in = storage.read(key)) {
      return in.readAllBytes();
    }
  }
}
