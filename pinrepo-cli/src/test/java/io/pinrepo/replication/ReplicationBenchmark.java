package io.pinrepo.replication;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.spi.Storage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers for the report, not assertions of speed: how long replicating an APT repository of {@code
 * bench.packages} (1,000 by default) packages takes to another directory and to the in-JVM S3
 * server, a first run and a second that finds everything there. Run with {@code
 * -Dpinrepo.excludedGroups=none -Dgroups=benchmark -Dtest=ReplicationBenchmark}.
 */
@Tag("benchmark")
class ReplicationBenchmark {

  @TempDir Path dir;

  @Test
  void aThousandPackageAptRepository() throws Exception {
    int packages = Integer.getInteger("bench.packages", 1_000);
    Repos repos = Repos.in(dir.resolve("work"));
    Path debs = Files.createDirectories(dir.resolve("debs"));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < packages; i++) {
      String name = String.format("pkg%04d", i);
      files.add(
          DebBuilder.of(name, "1.0", "amd64")
              .file("usr/share/doc/" + name + "/v", name.getBytes(StandardCharsets.UTF_8))
              .writeTo(Files.createDirectories(debs.resolve(name))));
    }
    Path sourceDir = dir.resolve("source");
    try (FileSystemStorage source = FileSystemStorage.open(sourceDir)) {
      repos.apt(source).publish("stable", "main", files);
    }
    try (FileSystemStorage source = FileSystemStorage.open(sourceDir)) {
      try (FileSystemStorage target = FileSystemStorage.open(dir.resolve("target"))) {
        runs("fs->fs", packages, source, target);
      }
      try (S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"));
          Storage target = s3.storage("replica").build()) {
        runs("fs->s3proxy", packages, source, target);
        try (Storage plain = s3.storage("plain").build()) {
          baseline("fs->s3proxy", source, plain);
        }
      }
    }
  }

  /** The same files written by 8 threads with no replication around them: the storage's cost. */
  private static void baseline(String name, Storage source, Storage target) throws Exception {
    List<io.pinrepo.spi.ObjectKey> keys = new ArrayList<>();
    try (io.pinrepo.spi.ObjectListing listing = source.list("")) {
      while (listing.hasNext()) {
        io.pinrepo.spi.ObjectKey key = listing.next().key();
        if (!key.value().startsWith(".pinrepo")) {
          keys.add(key);
        }
      }
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    long start = System.nanoTime();
    try {
      List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
      for (io.pinrepo.spi.ObjectKey key : keys) {
        writes.add(
            pool.submit(
                () -> {
                  byte[] bytes = Repos.bytes(source, key).orElseThrow();
                  return target.write(
                      key,
                      io.pinrepo.spi.ContentSource.ofBytes(bytes),
                      io.pinrepo.spi.WriteCondition.mustBeAbsent());
                }));
      }
      for (java.util.concurrent.Future<?> w : writes) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "BENCH baseline %s: %d plain writes by 8 threads: %d ms%n",
        name, keys.size(), (System.nanoTime() - start) / 1_000_000);
  }

  private static void runs(String name, int packages, Storage source, Storage target)
      throws Exception {
    Replicator replicator = Replicator.builder(Repos.FORMATS).parallelism(8).build();
    for (String run : List.of("first", "second")) {
      long start = System.nanoTime();
      ReplicationReport report = replicator.replicate(source, target);
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "BENCH replicate %s %d packages, %s run: %d ms, %d objects copied, %d bytes, %d"
              + " skipped%n",
          name, packages, run, millis, report.copied(), report.bytes(), report.skipped());
    }
  }
}
