package io.pinrepo.mirror;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.s3.S3Storage;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers for the report, not assertions of speed: copy throughput streamed and server-side (on
 * disk and on the in-JVM S3 server) against a plain write of the same bytes, the per-copy cost of
 * the lease and verification on small objects, the cost of locating a copy that is there, and how
 * late a waiter in another "process" (a second mirror) notices a copy. Run with {@code
 * -Dpinrepo.excludedGroups=none -Dgroups=benchmark}; size with {@code -Dbench.largeMiB=N}.
 */
@Tag("benchmark")
class MirrorBenchmark {

  @TempDir Path dir;

  @Test
  void copyThroughput() throws Exception {
    int mib = Integer.getInteger("bench.largeMiB", 256);
    ObjectKey key = ObjectKey.of("files/large.bin");
    byte[] bytes = random(mib << 20, 1);
    try (FileSystemStorage origin = FileSystemStorage.open(dir.resolve("origin"))) {
      ManifestFormat.publish(origin, List.of(key), List.of(bytes));
      for (int round = 0; round < 3; round++) {
        Path plainDir = dir.resolve("plain" + round);
        long plain = timed(() -> copyPlain(origin, key, plainDir));
        long streamed = timeCopy(origin, dir.resolve("streamed" + round), key, false);
        long serverSide = timeCopy(origin, dir.resolve("server" + round), key, true);
        report("disk to disk, " + mib + " MiB", mib, plain, streamed, serverSide);
      }
    }
    int s3Mib = Math.min(mib, 64);
    byte[] s3Bytes = random(s3Mib << 20, 2);
    try (S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"));
        S3Storage origin = s3.storage("origin").build()) {
      ManifestFormat.publish(origin, List.of(key), List.of(s3Bytes));
      for (int round = 0; round < 2; round++) {
        try (S3Storage plainRegion = s3.storage("plain" + round).build();
            S3Storage streamedRegion = s3.storage("streamed" + round).build();
            S3Storage serverRegion = s3.storage("server" + round).build()) {
          long plain = timed(() -> copyPlain(origin, key, plainRegion));
          long streamed = timeCopy(origin, streamedRegion, key, false);
          long serverSide = timeCopy(origin, serverRegion, key, true);
          report("S3 to S3 (s3proxy), " + s3Mib + " MiB", s3Mib, plain, streamed, serverSide);
        }
      }
    }
  }

  @Test
  void leaseAndVerificationCostPerSmallCopyAndLocateOfAPresentCopy() throws Exception {
    try (FileSystemStorage origin = FileSystemStorage.open(dir.resolve("origin"));
        FileSystemStorage plain = FileSystemStorage.open(dir.resolve("plain"));
        FileSystemStorage region = FileSystemStorage.open(dir.resolve("region"))) {
      smallCopies("disk (each write flushed)", origin, plain, region, 300);
    }
    smallCopies(
        "memory", new InMemoryStorage(), new InMemoryStorage(), new InMemoryStorage(), 3000);
    try (S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"));
        S3Storage origin = s3.storage("origin").build();
        S3Storage plain = s3.storage("plain").build();
        S3Storage region = s3.storage("region").build()) {
      smallCopies("S3 (s3proxy)", origin, plain, region, 200);
    }
  }

  private static void smallCopies(
      String what, Storage origin, Storage plain, Storage region, int count) throws Exception {
    List<ObjectKey> keys = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(ObjectKey.of("files/small" + i));
      contents.add(random(4096, i));
    }
    ManifestFormat.publish(origin, keys, contents);
    long plainNanos =
        timed(
            () -> {
              for (int i = 0; i < count; i++) {
                plain.write(
                    keys.get(i),
                    ContentSource.ofBytes(contents.get(i)),
                    WriteCondition.mustBeAbsent());
              }
            });
    try (RegionalMirror mirror = mirror(origin, region, false)) {
      mirror.locate(keys.get(0), "eu"); // the mark of the index, once
      long mirrorNanos =
          timed(
              () -> {
                for (int i = 1; i < count; i++) {
                  mirror.locate(keys.get(i), "eu");
                }
              });
      long presentNanos =
          timed(
              () -> {
                for (int round = 0; round < 5; round++) {
                  for (int i = 0; i < count; i++) {
                    mirror.locate(keys.get(i), "eu");
                  }
                }
              });
      System.out.printf(
          Locale.ROOT,
          "BENCH %s, 4 KiB objects: plain write %.0f us; mirror copy (stat, origin stat, lease"
              + " create, origin read, verified write, lease delete) %.0f us; locate of a present"
              + " copy %.0f us%n",
          what,
          plainNanos / 1e3 / count,
          mirrorNanos / 1e3 / (count - 1),
          presentNanos / 1e3 / (5.0 * count));
    }
  }

  @Test
  void howLateAWaiterInAnotherProcessNoticesTheCopy() throws Exception {
    ObjectKey key = ObjectKey.of("files/waited.bin");
    for (int mib : List.of(1, 16, 64)) {
      try (FileSystemStorage origin = FileSystemStorage.open(dir.resolve("o" + mib));
          FileSystemStorage region = FileSystemStorage.open(dir.resolve("r" + mib))) {
        ManifestFormat.publish(origin, List.of(key), List.of(random(mib << 20, mib)));
        CountingOrigin gated = new CountingOrigin(origin);
        try (RegionalMirror a = mirror(gated, region, false);
            RegionalMirror b = mirror(origin, region, false)) {
          long[] aDone = new long[1];
          CompletableFuture<Void> copying =
              CompletableFuture.runAsync(
                  () -> {
                    try {
                      a.locate(key, "eu");
                      aDone[0] = System.nanoTime();
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
          gated.entered().await();
          long start = System.nanoTime();
          b.locate(key, "eu");
          long bDone = System.nanoTime();
          copying.join();
          System.out.printf(
              Locale.ROOT,
              "BENCH waiter in another process, %d MiB copy: waited %.0f ms, noticed %.0f ms after"
                  + " the copy ended%n",
              mib,
              (bDone - start) / 1e6,
              (bDone - aDone[0]) / 1e6);
        }
      }
    }
  }

  private static RegionalMirror mirror(Storage origin, Storage region, boolean serverSide) {
    return RegionalMirror.builder(origin)
        .formats(List.of(new ManifestFormat()))
        .region("eu", region, URI.create("http://eu.example/"))
        .serverSideCopy(serverSide)
        .build();
  }

  private static long timeCopy(Storage origin, Path regionDir, ObjectKey key, boolean serverSide)
      throws Exception {
    try (FileSystemStorage region = FileSystemStorage.open(regionDir)) {
      return timeCopy(origin, region, key, serverSide);
    }
  }

  private static long timeCopy(Storage origin, Storage region, ObjectKey key, boolean serverSide)
      throws Exception {
    try (RegionalMirror mirror = mirror(origin, region, serverSide)) {
      ObjectKey manifest = ManifestFormat.MANIFEST; // mark once, outside the timing
      new IndexedDigests(
              origin, List.of(new ManifestFormat()), java.time.Duration.ZERO, MirrorListener.NONE)
          .lookup(manifest);
      return timed(() -> mirror.locate(key, "eu"));
    }
  }

  private static void copyPlain(Storage origin, ObjectKey key, Path regionDir) throws IOException {
    try (FileSystemStorage region = FileSystemStorage.open(regionDir)) {
      copyPlain(origin, key, region);
    }
  }

  private static void copyPlain(Storage origin, ObjectKey key, Storage region) throws IOException {
    long size = origin.stat(key).orElseThrow().size();
    region.write(
        key,
        new ContentSource() {
          @Override
          public java.io.InputStream open() throws IOException {
            return origin.read(key);
          }

          @Override
          public java.util.OptionalLong size() {
            return java.util.OptionalLong.of(size);
          }
        },
        WriteCondition.mustBeAbsent());
  }

  private static void report(String what, int mib, long plain, long streamed, long serverSide) {
    System.out.printf(
        Locale.ROOT,
        "BENCH %s: plain write %.0f MiB/s, mirror streamed %.0f MiB/s, mirror server-side %.0f"
            + " MiB/s%n",
        what,
        mib / (plain / 1e9),
        mib / (streamed / 1e9),
        mib / (serverSide / 1e9));
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }

  private static long timed(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return System.nanoTime() - start;
  }
}
