package io.pinrepo.maven;

import static io.pinrepo.maven.Fixtures.deployment;
import static io.pinrepo.maven.Fixtures.pomEntry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.hash.Digests;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel deploys lose nothing: every version is listed, no two builds share a number. */
class ConcurrentDeployTest {
  private static final int DEPLOYS = 12;
  // every deploy in the same second, so equal build numbers would collide on file names too
  private static final Clock SAME_SECOND =
      Clock.fixed(Instant.parse("2026-11-22T01:02:03Z"), ZoneOffset.UTC);
  private static final RetryPolicy PATIENT =
      new RetryPolicy(500, Duration.ofMillis(1), Duration.ofMillis(20));

  @TempDir Path dir;

  @Test
  void parallelReleasesOfOneArtifactAreAllListed() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    List<ChangeReport<ArtifactRef>> results =
        inParallel(storage, i -> deployment("com.example", "demo", "1." + i, "r" + i));

    MavenMetadata m = metadata(storage, "com/example/demo/maven-metadata.xml");
    assertEquals(DEPLOYS, m.versioning().versions().size());
    assertEquals("1." + (DEPLOYS - 1), m.versioning().release());
    assertEquals(DEPLOYS, results.size());
    assertMetadataSidecarsAgree(storage, "com/example/demo/maven-metadata.xml");
  }

  @Test
  void parallelSnapshotDeploysNeverShareABuildNumberInMemory() throws Exception {
    parallelSnapshotDeploysNeverShareABuildNumber(new InMemoryStorage());
  }

  @Test
  void parallelSnapshotDeploysNeverShareABuildNumberOnAFileSystem() throws Exception {
    try (FileSystemStorage storage = FileSystemStorage.open(dir)) {
      parallelSnapshotDeploysNeverShareABuildNumber(storage);
    }
  }

  private void parallelSnapshotDeploysNeverShareABuildNumber(Storage storage) throws Exception {
    List<ChangeReport<ArtifactRef>> results =
        inParallel(storage, i -> deployment("com.example", "demo", "2.0-SNAPSHOT", "s" + i));

    Set<Integer> numbers = new HashSet<>();
    results.forEach(r -> numbers.add(pomEntry(r).buildNumber()));
    assertEquals(DEPLOYS, numbers.size(), "build numbers " + numbers);
    String versionDir = "com/example/demo/2.0-SNAPSHOT/";
    MavenMetadata m = metadata(storage, versionDir + "maven-metadata.xml");
    assertEquals(DEPLOYS, m.buildNumber(), "newest build number: one per deploy, no gaps");
    // each reported build's jar is there and holds that deploy's bytes
    Set<String> labels = new HashSet<>();
    for (ChangeReport<ArtifactRef> r : results) {
      ObjectKey jar = ObjectKey.of(versionDir + "demo-" + pomEntry(r).fileVersion() + ".jar");
      labels.add(buildLabel(storage, jar));
    }
    assertEquals(DEPLOYS, labels.size(), "distinct builds behind the reported files");
    // and nothing else was left behind by a deploy that had to renumber
    long jars =
        storage.list(versionDir).toList().stream()
            .filter(i -> i.key().value().matches(".*-\\d+\\.jar"))
            .count();
    assertEquals(DEPLOYS, jars, "timestamped jars left in the version directory");
    assertMetadataSidecarsAgree(storage, versionDir + "maven-metadata.xml");
    assertMetadataSidecarsAgree(storage, "com/example/demo/maven-metadata.xml");
  }

  private interface Deploys {
    Deployment deployment(int i);
  }

  private static List<ChangeReport<ArtifactRef>> inParallel(Storage storage, Deploys deploys)
      throws Exception {
    MavenRepository deployer =
        MavenRepository.builder(storage).clock(SAME_SECOND).retryPolicy(PATIENT).build();
    ExecutorService pool = Executors.newFixedThreadPool(DEPLOYS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<ChangeReport<ArtifactRef>>> futures = new ArrayList<>();
      for (int i = 0; i < DEPLOYS; i++) {
        Deployment d = deploys.deployment(i);
        Callable<ChangeReport<ArtifactRef>> task =
            () -> {
              start.await();
              return deployer.deploy(d);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<ChangeReport<ArtifactRef>> results = new ArrayList<>();
      for (Future<ChangeReport<ArtifactRef>> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static MavenMetadata metadata(Storage storage, String key) throws IOException {
    try (InputStream in = storage.read(ObjectKey.of(key))) {
      return MavenMetadata.parse(key, in.readAllBytes());
    }
  }

  private static void assertMetadataSidecarsAgree(Storage storage, String key) throws IOException {
    byte[] bytes;
    try (InputStream in = storage.read(ObjectKey.of(key))) {
      bytes = in.readAllBytes();
    }
    try (InputStream in = storage.read(ObjectKey.of(key + ".sha1"))) {
      assertEquals(Digests.of(bytes).sha1(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    try (InputStream in = storage.read(ObjectKey.of(key + ".sha512"))) {
      assertEquals(
          Digests.of(bytes).sha512(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static String buildLabel(Storage storage, ObjectKey jar) throws IOException {
    try (InputStream in = storage.read(jar);
        ZipInputStream zip = new ZipInputStream(in)) {
      assertTrue(zip.getNextEntry() != null, jar.value());
      return new String(zip.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }
}
