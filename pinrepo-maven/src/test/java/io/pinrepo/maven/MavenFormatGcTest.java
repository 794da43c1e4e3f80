package io.pinrepo.maven;

import static io.pinrepo.maven.Fixtures.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.Retention;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.gc.GarbageCollector;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.sign.PgpKeyGenerator.GeneratedKey;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.testkit.time.ManualClock;
import io.pinrepo.verify.Verification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GC takes exactly the snapshot builds nothing keeps, once they are older than the grace period,
 * and never a release file, a metadata file or anything a committed metadata names.
 */
class MavenFormatGcTest {
  private static final Instant DEPLOYED = Instant.parse("2026-11-19T10:00:00Z");
  private static final Duration GRACE = Duration.ofHours(1);
  private static final String SNAPSHOT = "com/example/demo/2.0-SNAPSHOT/";

  private final ManualClock clock = new ManualClock(DEPLOYED);
  private final InMemoryStorage storage = new InMemoryStorage(clock, 7);

  @TempDir Path dir;

  @Test
  void collectsTheBuildsRetentionPrunedWhenTheirDeleteFailed() throws IOException {
    MavenRepository keepTwo = deployer(storage, 2);
    keepTwo.deploy(deployment("com.example", "demo", "1.0", "release"));
    keepTwo.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "b1"));
    keepTwo.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "b2"));
    storage.failOn(Operation.DELETE, 1); // the deploy dies as it deletes the pruned build
    assertThrows(
        InjectedFaultException.class,
        () -> keepTwo.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "b3")));
    storage.clearFault();
    clock.advance(Duration.ofDays(3));
    Map<String, byte[]> before = storage.snapshot();
    Set<String> pruned = buildFiles(before.keySet(), n -> n == 1);
    assertEquals(15, pruned.size(), "jar, sources, pom, each with 4 sidecars: " + pruned);

    GarbageCollector.Result result = gc(keepTwo.format(), storage, false);

    assertEquals(pruned, keys(result.collected()));
    assertEquals(List.of("maven"), result.formatsFound());
    Set<String> expectedLeft = new TreeSet<>(before.keySet());
    expectedLeft.removeAll(pruned);
    assertEquals(expectedLeft, storage.snapshot().keySet());
    assertClean(storage);
  }

  @Test
  void collectsBuildsBeyondTheKeptNumberOnlyOnceOlderThanTheGracePeriod() throws IOException {
    MavenRepository keepAll = deployer(storage, 0);
    keepAll.deploy(deployment("com.example", "demo", "1.0", "release"));
    for (int b = 1; b <= 5; b++) {
      keepAll.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "b" + b));
    }
    MavenFormat keepTwo = deployer(storage, 2).format();
    clock.advance(Duration.ofMinutes(30));
    GarbageCollector.Result young = gc(keepTwo, storage, false);
    assertEquals(List.of(), young.collected());
    assertEquals(45, young.spared(), "builds 1 to 3: 3 files and 12 sidecars each");

    clock.advance(Duration.ofMinutes(31));
    Map<String, byte[]> before = storage.snapshot();
    GarbageCollector.Result old = gc(keepTwo, storage, false);

    Set<String> pruned = buildFiles(before.keySet(), n -> n <= 3);
    assertEquals(pruned, keys(old.collected()));
    assertTrue(pruned.stream().allMatch(k -> k.startsWith(SNAPSHOT)));
    Set<String> left = new TreeSet<>(before.keySet());
    left.removeAll(pruned);
    assertEquals(left, storage.snapshot().keySet(), "no release file, no metadata, no kept build");
    assertClean(storage);
  }

  @Test
  void dryRunDeletesNothingButReportsWhatWouldGo() throws IOException {
    MavenRepository keepAll = deployer(storage, 0);
    for (int b = 1; b <= 4; b++) {
      keepAll.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "b" + b));
    }
    clock.advance(Duration.ofDays(3));
    Map<String, byte[]> before = storage.snapshot();

    GarbageCollector.Result dry = gc(deployer(storage, 1).format(), storage, true);

    assertEquals(buildFiles(before.keySet(), n -> n <= 3), keys(dry.collected()));
    assertTrue(dry.dryRun());
    assertTrue(dry.collectedBytes() > 0);
    assertEquals(before.keySet(), storage.snapshot().keySet());
    assertEquals(0, storage.count(Operation.DELETE));
  }

  @Test
  void keepsEveryCommittedBuildByDefaultAndCollectsOnlyUncommittedOnes() throws IOException {
    MavenRepository keepAll = deployer(storage, 0);
    keepAll.deploy(deployment("com.example", "demo", "1.0", "release"));
    for (int b = 1; b <= 3; b++) {
      keepAll.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "b" + b));
    }
    MavenMetadata m = metadata(storage, SNAPSHOT + "maven-metadata.xml");
    String newest = m.versioning().snapshot().timestamp();
    // what crashed deploys leave: build 4 never committed; build 3 again at another second
    List<String> leftovers =
        List.of(
            SNAPSHOT + "demo-2.0-" + newest + "-4.jar",
            SNAPSHOT + "demo-2.0-" + newest + "-4.jar.sha1",
            SNAPSHOT + "demo-2.0-20261119.095959-3.pom",
            SNAPSHOT + "demo-2.0-20261119.095959-3.pom.md5");
    for (String key : leftovers) {
      storage.write(ObjectKey.of(key), ContentSource.ofUtf8("partial"), WriteCondition.none());
    }
    // and files that are not a build's are never judged
    storage.write(
        ObjectKey.of(SNAPSHOT + "README.txt"), ContentSource.ofUtf8("x"), WriteCondition.none());
    storage.write(ObjectKey.of("KEYS"), ContentSource.ofUtf8("x"), WriteCondition.none());
    clock.advance(Duration.ofDays(3));
    Map<String, byte[]> before = storage.snapshot();

    GarbageCollector.Result result = gc(new MavenFormat(), storage, false);

    assertEquals(new TreeSet<>(leftovers), keys(result.collected()));
    Set<String> left = new TreeSet<>(before.keySet());
    leftovers.forEach(left::remove);
    assertEquals(left, storage.snapshot().keySet());
    assertClean(storage);
  }

  @Test
  void collectsPrunedSignedBuildsOnAFileSystem() throws IOException {
    GeneratedKey key = PgpKeyGenerator.generate("GC Test <gc@example.invalid>", clock);
    PgpSigner signer =
        PgpSigner.load(
            new ByteArrayInputStream(key.armoredSecretKey().getBytes(StandardCharsets.US_ASCII)),
            "test key",
            new char[0],
            clock);
    try (FileSystemStorage fs = FileSystemStorage.open(dir)) {
      MavenRepository keepAll = MavenRepository.builder(fs).clock(clock).signer(signer).build();
      MavenFormat keepOne =
          MavenRepository.builder(fs).retention(Retention.keepNewest(1)).build().format();
      keepAll.deploy(deployment("com.example", "demo", "1.0", "release"));
      for (int b = 1; b <= 4; b++) {
        keepAll.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "b" + b));
      }
      Set<String> before = keys(fs.list("").toList());
      // the files' ages come from the file system: judge them from three days ahead
      Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(3)), ZoneOffset.UTC);
      GarbageCollector.Result result =
          new GarbageCollector(List.of(keepOne), later).run(fs, GRACE, false, info -> {});

      Set<String> pruned = buildFiles(before, n -> n <= 3);
      assertEquals(3 * 3 * (1 + 4 + 1 + 4), pruned.size(), "files, signatures, sidecars of both");
      assertEquals(pruned, keys(result.collected()));
      Set<String> left = new TreeSet<>(before);
      left.removeAll(pruned);
      assertEquals(left, keys(fs.list("").toList()));
      assertClean(fs);
    }
  }

  private MavenRepository deployer(Storage target, int keepBuilds) {
    return MavenRepository.builder(target)
        .clock(clock)
        .retention(Fixtures.keeping(keepBuilds))
        .build();
  }

  private GarbageCollector.Result gc(MavenFormat format, Storage target, boolean dryRun)
      throws IOException {
    return new GarbageCollector(List.of(format), clock).run(target, GRACE, dryRun, info -> {});
  }

  static void assertClean(Storage target) throws IOException {
    Verification.Report report =
        new Verification(List.of(new MavenFormat())).run(target, VerifyContext.unsigned());
    assertEquals(List.of("maven"), report.formatsFound());
    assertEquals(List.of(), report.problems());
  }

  /** The keys of snapshot build files whose build number passes {@code numbers}. */
  static Set<String> buildFiles(Set<String> keys, IntPredicate numbers) {
    Set<String> found = new TreeSet<>();
    for (String key : keys) {
      SnapshotFiles.parse(ObjectKey.of(key))
          .filter(f -> numbers.test(f.buildNumber()))
          .ifPresent(f -> found.add(key));
    }
    return found;
  }

  static Set<String> keys(List<ObjectInfo> infos) {
    return infos.stream().map(i -> i.key().value()).collect(Collectors.toCollection(TreeSet::new));
  }

  static MavenMetadata metadata(InMemoryStorage target, String key) throws IOException {
    return MavenMetadata.parse(key, target.peek(ObjectKey.of(key)).orElseThrow());
  }
}
