package io.pinrepo.build;

import static io.pinrepo.build.Builds.WEB;
import static io.pinrepo.build.Builds.web;
import static io.pinrepo.build.Consistency.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.manifest.BuildPath;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.format.Retention;
import io.pinrepo.gc.GarbageCollector;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.s3.S3Storage;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.WriteCondition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds and pointers on the S3 protocol: s3proxy in this JVM, with S3's conditional writes. */
class S3BuildsTest {
  private static final PointerName PROD = PointerName.of("prod");

  @TempDir static Path dir;
  static S3ProxyFixture s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3ProxyFixture.start(dir.resolve("s3"));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void publishPointWatchAndFetch() throws Exception {
    try (S3Storage storage = s3.storage("flow").build()) {
      BuildRepository builds = BuildRepository.on(storage);
      Pointers pointers = builds.pointers();
      builds.publish(web("1"));
      assertFalse(builds.publish(web("1")).changed());
      assertThrows(BuildConflictException.class, () -> builds.publish(web("1", "app", "other")));
      builds.publish(web("2"));
      pointers.set(WEB, PROD, PointerUpdate.to(BuildVersion.of("1")));
      PointerWatcher watcher = pointers.watcher(WEB, PROD).sleeper(d -> {}).build();
      assertEquals("1", watcher.awaitChange().version().value());
      pointers.set(
          WEB, PROD, PointerUpdate.to(BuildVersion.of("2")).expecting(BuildVersion.of("1")));
      assertEquals("2", watcher.awaitChange().version().value());
      assertThrows(
          PointerMovedException.class,
          () ->
              pointers.set(
                  WEB,
                  PROD,
                  PointerUpdate.to(BuildVersion.of("1")).expecting(BuildVersion.of("1"))));
      Path dest = dir.resolve("web-prod");
      builds.fetch(WEB, PROD, dest);
      assertEquals("port: 80 # 2", Files.readString(dest.resolve("conf/app.yaml")));
      assertEquals(
          List.of("2", "1"),
          builds.list(WEB, 10).builds().stream().map(BuildRef::version).toList());
      assertConsistent(storage, "on S3");
    }
  }

  @Test
  void aTamperedFileIsCaughtAndGcKeepsThePointedBuild() throws Exception {
    try (S3Storage storage = s3.storage("gc").build()) {
      BuildRepository builds =
          BuildRepository.builder(storage)
              .retention(Retention.keepNewest(1))
              .historyRoots(new HistoryRoots(1, Duration.ZERO))
              .build();
      for (String v : List.of("1", "2", "3")) {
        builds.publish(web(v));
      }
      builds.pointers().set(WEB, PROD, PointerUpdate.to(BuildVersion.of("1")));
      // Everything is young, so with no grace period GC judges by reachability alone.
      GarbageCollector gc = new GarbageCollector(List.of(builds.format()), Clock.systemUTC());
      gc.run(storage, Duration.ZERO, false, info -> {});
      gc.run(storage, Duration.ZERO, false, info -> {});
      assertTrue(builds.manifest(WEB, BuildVersion.of("1")).isPresent());
      assertTrue(builds.manifest(WEB, BuildVersion.of("3")).isPresent());
      assertFalse(builds.manifest(WEB, BuildVersion.of("2")).isPresent());
      assertConsistent(storage, "after gc on S3");

      storage.write(
          BuildLayout.file(WEB, BuildVersion.of("1"), BuildPath.of("app.tar.gz")),
          ContentSource.ofUtf8("app 9"),
          WriteCondition.none());
      Path dest = dir.resolve("tampered");
      assertThrows(BuildIntegrityException.class, () -> builds.fetch(WEB, PROD, dest));
      assertFalse(Files.exists(dest));
    }
  }

  @Test
  void racingSettersOnS3LoseNoUpdate() throws Exception {
    try (S3Storage storage = s3.storage("race").build()) {
      BuildRepository builds = BuildRepository.on(storage);
      for (String v : List.of("a", "b", "c", "d")) {
        builds.publish(web(v));
      }
      Pointers pointers = builds.pointers();
      ConcurrentLinkedQueue<String> won = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Throwable> failed = new ConcurrentLinkedQueue<>();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (String v : List.of("a", "b", "c", "d")) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    go.await();
                    if (pointers.set(WEB, PROD, PointerUpdate.to(BuildVersion.of(v))).changed()) {
                      won.add(v);
                    }
                  } catch (Throwable e) {
                    failed.add(e);
                  }
                });
        t.start();
        threads.add(t);
      }
      go.countDown();
      for (Thread t : threads) {
        t.join();
      }
      assertEquals(List.of(), List.copyOf(failed));
      assertEquals(won.size(), pointers.history(WEB, PROD, 100).size());
      assertConsistent(storage, "after racing setters on S3");
    }
  }
}
