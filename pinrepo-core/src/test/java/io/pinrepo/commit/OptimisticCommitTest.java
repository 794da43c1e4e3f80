package io.pinrepo.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.CommitConflictException;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retrying lost races with backoff, and giving up with a {@link CommitConflictException}. */
class OptimisticCommitTest {

  private static final ObjectKey KEY = ObjectKey.of("dists/stable/InRelease");
  private static final RetryPolicy POLICY =
      new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(25));

  private final List<Long> sleeps = new ArrayList<>();
  private final OptimisticCommit commit = new OptimisticCommit(POLICY, sleeps::add);

  private static PreconditionFailedException lost() {
    return new PreconditionFailedException(KEY, WriteCondition.mustBeAbsent());
  }

  @Test
  void anAttemptThatWinsRunsOnceWithoutWaiting() throws IOException {
    assertEquals("done", commit.run("dists/stable", () -> "done"));

    assertEquals(List.of(), sleeps);
    assertEquals(0, commit.conflicts());
  }

  @Test
  void lostRacesAreRetriedWithJitteredBackoffUnderTheCeiling() throws IOException {
    AtomicInteger attempts = new AtomicInteger();

    String result =
        commit.run(
            "dists/stable",
            () -> {
              if (attempts.incrementAndGet() <= 3) {
                throw lost();
              }
              return "won on " + attempts.get();
            });

    assertEquals("won on 4", result);
    assertEquals(3, commit.conflicts());
    assertEquals(3, sleeps.size());
    long[] ceilings = {10_000_000, 20_000_000, 25_000_000};
    for (int i = 0; i < 3; i++) {
      long slept = sleeps.get(i);
      assertTrue(slept >= 0 && slept < ceilings[i], "backoff " + i + " was " + slept);
    }
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheLastConflictAsCause() {
    AtomicInteger attempts = new AtomicInteger();
    List<PreconditionFailedException> thrown = new ArrayList<>();

    CommitConflictException e =
        assertThrows(
            CommitConflictException.class,
            () ->
                commit.run(
                    "dists/stable",
                    () -> {
                      attempts.incrementAndGet();
                      PreconditionFailedException p = lost();
                      thrown.add(p);
                      throw p;
                    }));

    assertEquals(POLICY.maxAttempts(), attempts.get());
    assertEquals(POLICY.maxAttempts() - 1, sleeps.size(), "no wait after the last attempt");
    assertEquals(POLICY.maxAttempts(), commit.conflicts());
    assertSame(thrown.get(thrown.size() - 1), e.getCause());
    assertTrue(e.getMessage().contains("dists/stable"), e.getMessage());
    assertTrue(e.getMessage().contains(POLICY.maxAttempts() + " attempts"), e.getMessage());
  }

  @Test
  void otherFailuresEndTheCommitAtOnce() {
    AtomicInteger attempts = new AtomicInteger();
    IOException failure = new IOException("disk full");

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                commit.run(
                    "x",
                    () -> {
                      attempts.incrementAndGet();
                      throw failure;
                    }));

    assertSame(failure, e);
    assertEquals(1, attempts.get());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void anInterruptedBackoffEndsTheCommitAndKeepsTheInterrupt() {
    OptimisticCommit interrupted =
        new OptimisticCommit(
            POLICY,
            nanos -> {
              throw new InterruptedException();
            });
    try {
      assertThrows(
          InterruptedIOException.class,
          () ->
              interrupted.run(
                  "x",
                  () -> {
                    throw lost();
                  }));
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "filesystem"})
  void concurrentCommitsThroughTopLoseNoUpdate(String backend, @TempDir Path dir) throws Exception {
    Storage storage =
        backend.equals("memory") ? new InMemoryStorage() : FileSystemStorage.open(dir);
    OptimisticCommit shared =
        new OptimisticCommit(RetryPolicy.DEFAULT.withMaxAttempts(10_000), n -> {});
    int writers = 6;
    int perWriter = 10;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < perWriter; i++) {
                    shared.run("counter", () -> increment(storage));
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    Top top = Top.read(storage, KEY, 100);
    assertEquals(
        Integer.toString(writers * perWriter), new String(top.bytes(), StandardCharsets.UTF_8));
  }

  private static Object increment(Storage storage) throws IOException {
    Top top = Top.read(storage, KEY, 100);
    long value = top.exists() ? Long.parseLong(new String(top.bytes(), StandardCharsets.UTF_8)) : 0;
    return top.replace(storage, Long.toString(value + 1).getBytes(StandardCharsets.UTF_8));
  }
}
