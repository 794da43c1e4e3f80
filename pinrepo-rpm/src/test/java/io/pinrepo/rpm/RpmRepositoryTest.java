package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.rpm.repodata.MetadataCompression;
import io.pinrepo.rpm.version.Nevra;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing, listing and removing, in memory. */
class RpmRepositoryTest {
  static final String PATH = "el9/x86_64";

  @TempDir Path dir;

  final ManualClock clock = Rpms.clock();
  final InMemoryStorage storage = new InMemoryStorage(clock, 100);
  final RpmRepository repo = RpmRepository.builder(storage).clock(clock).build();

  Rpms rpms() {
    return new Rpms(dir);
  }

  static List<String> names(List<RpmRef> refs) {
    return refs.stream().map(RpmRef::toString).toList();
  }

  @Test
  void publishesIntoPackagesAndContentAddressedRepodata() throws Exception {
    ChangeReport<RpmRef> report = repo.publish(PATH, List.of(rpms().rpm("hello", "1.0", "x86_64")));
    assertTrue(report.committed());
    assertEquals(List.of("hello-1.0-1.x86_64"), names(report.added()));
    assertEquals(
        ObjectKey.of("el9/x86_64/Packages/h/hello-1.0-1.x86_64.rpm"), report.added().get(0).file());
    List<String> keys = storage.keys().stream().map(ObjectKey::value).toList();
    assertTrue(keys.contains("el9/x86_64/repodata/repomd.xml"), keys.toString());
    for (String type : List.of("primary", "filelists", "other")) {
      assertTrue(
          keys.stream()
              .anyMatch(k -> k.matches("el9/x86_64/repodata/[0-9a-f]{64}-" + type + "\\.xml\\.gz")),
          type + " in " + keys);
    }
    assertTrue(keys.contains(".pinrepo-rpm-paths"), keys.toString());
    assertEquals(List.of(), Rpms.verify(storage));
    assertEquals(report.added(), repo.list(PATH));
    assertEquals(List.of(PATH), repo.paths());
    assertTrue(repo.exists(PATH));
    assertFalse(repo.exists("el9/aarch64"));
  }

  @Test
  void theSameBytesAgainChangeNothing() throws Exception {
    Path file = rpms().rpm("hello", "1.0", "x86_64");
    repo.publish(PATH, List.of(file));
    Map<String, byte[]> before = storage.snapshot();
    clock.advance(Duration.ofMinutes(5));
    ChangeReport<RpmRef> again = repo.publish(PATH, List.of(file, file));
    assertFalse(again.committed());
    assertEquals(List.of("hello-1.0-1.x86_64"), names(again.unchanged()));
    assertEquals(List.of(), again.added());
    assertSnapshot(before);
  }

  @Test
  void otherBytesUnderAListedNevraAreRefusedBeforeAnyUpload() throws Exception {
    Rpms rpms = rpms();
    repo.publish(PATH, List.of(rpms.rpm("hello", "1.0", "x86_64")));
    Map<String, byte[]> before = storage.snapshot();
    Path rebuilt = rpms.write(Rpms.builder("hello", "1.0", "x86_64").summary("rebuilt"));
    Path fresh = rpms.rpm("fresh", "1.0", "noarch");
    PackageConflictException e =
        assertThrows(
            PackageConflictException.class, () -> repo.publish(PATH, List.of(fresh, rebuilt)));
    assertTrue(
        e.getMessage().startsWith(rebuilt + ": hello-1.0-1.x86_64 is already published"),
        e.getMessage());
    assertSnapshot(before);
  }

  @Test
  void aBatchNamesEveryBadFileAndWritesNothing() throws Exception {
    Rpms rpms = rpms();
    repo.publish(PATH, List.of(rpms.rpm("hello", "1.0", "x86_64"), rpms.rpm("a", "1", "noarch")));
    Map<String, byte[]> before = storage.snapshot();
    Path bad1 = rpms.garbage("one.rpm");
    Path bad2 = rpms.garbage("two.rpm");
    RefusedBatchException malformed =
        assertThrows(
            RefusedBatchException.class,
            () -> repo.publish(PATH, List.of(bad1, rpms.rpm("b", "1", "noarch"), bad2)));
    assertEquals(2, malformed.causes().size());
    malformed.causes().forEach(c -> assertInstanceOf(MalformedPackageException.class, c));
    assertTrue(malformed.causes().get(0).getMessage().startsWith(bad1.toString()));
    assertTrue(malformed.causes().get(1).getMessage().startsWith(bad2.toString()));

    Path conflict1 = rpms.write(Rpms.builder("hello", "1.0", "x86_64").summary("other"));
    Path conflict2 = rpms.write(Rpms.builder("a", "1", "noarch").summary("other"));
    RefusedBatchException conflicts =
        assertThrows(
            RefusedBatchException.class,
            () -> repo.publish(PATH, List.of(conflict1, rpms.rpm("c", "1", "noarch"), conflict2)));
    assertEquals(2, conflicts.causes().size());
    conflicts.causes().forEach(c -> assertInstanceOf(PackageConflictException.class, c));
    assertSnapshot(before);
  }

  @Test
  void twoFilesOfOneNevraWithOtherBytesInABatchAreRefused() throws Exception {
    Rpms rpms = rpms();
    Path one = rpms.rpm("hello", "1.0", "x86_64");
    Path other = rpms.write(Rpms.builder("hello", "1.0", "x86_64").summary("other"));
    PackageConflictException e =
        assertThrows(PackageConflictException.class, () -> repo.publish(PATH, List.of(one, other)));
    assertTrue(e.getMessage().contains("is also given as " + one), e.getMessage());
    assertEquals(List.of(), storage.keys());
  }

  @Test
  void removesByNameVersionArchOrNevra() throws Exception {
    Rpms rpms = rpms();
    repo.publish(
        PATH,
        List.of(
            rpms.rpm("hello", "1.0", "x86_64"),
            rpms.rpm("hello", "1.0", "i686"),
            rpms.rpm("hello", "2.0", "x86_64"),
            rpms.write(Rpms.builder("hello", "3.0", "x86_64").epoch(1)),
            rpms.rpm("other", "1.0", "noarch")));
    assertEquals(
        List.of("hello-1.0-1.i686"),
        names(
            repo.remove(PATH, RpmSelector.named("hello").withVersion("1.0").withArch("i686"))
                .removed()));
    assertEquals(
        List.of("hello-1:3.0-1.x86_64"),
        names(repo.remove(PATH, RpmSelector.named("hello").withVersion("3.0-1")).removed()));
    assertEquals(
        List.of("hello-1.0-1.x86_64"),
        names(repo.remove(PATH, RpmSelector.of(Nevra.parse("hello-1.0-1.x86_64"))).removed()));
    ChangeReport<RpmRef> nothing =
        repo.remove(PATH, RpmSelector.named("hello").withVersion("1:2.0"));
    assertFalse(nothing.committed());
    assertEquals(
        List.of("hello-2.0-1.x86_64"),
        names(repo.remove(PATH, RpmSelector.named("hello")).removed()));
    assertEquals(List.of("other-1.0-1.noarch"), names(repo.list(PATH)));
    assertEquals(List.of(), Rpms.verify(storage));
    assertFalse(repo.remove("nowhere", RpmSelector.named("hello")).committed());
  }

  @Test
  void keepsTheNewestVersionsOfEachNameAndArchitecture() throws Exception {
    Rpms rpms = rpms();
    RpmRepository keep2 =
        RpmRepository.builder(storage).clock(clock).retention(Retention.keepNewest(2)).build();
    keep2.publish(
        PATH, List.of(rpms.rpm("hello", "1.0", "x86_64"), rpms.rpm("hello", "1.0", "noarch")));
    keep2.publish(PATH, List.of(rpms.rpm("hello", "2.0~rc1", "x86_64")));
    ChangeReport<RpmRef> report =
        keep2.publish(PATH, List.of(rpms.write(Rpms.builder("hello", "0.5", "x86_64").epoch(1))));
    assertEquals(List.of("hello-1:0.5-1.x86_64"), names(report.added()));
    assertEquals(List.of("hello-1.0-1.x86_64"), names(report.removed()));
    ChangeReport<RpmRef> older = keep2.publish(PATH, List.of(rpms.rpm("hello", "0.9", "x86_64")));
    assertEquals(List.of(), older.added());
    assertEquals(List.of("hello-0.9-1.x86_64"), names(older.removed()));
    assertEquals(
        List.of("hello-1.0-1.noarch", "hello-2.0~rc1-1.x86_64", "hello-1:0.5-1.x86_64"),
        names(keep2.list(PATH)));
  }

  @Test
  void sourcePackagesGoBesideInSrpmsOrWithTheBinaries() throws Exception {
    Rpms rpms = rpms();
    Path src = rpms.write(Rpms.builder("hello", "1.0", "x86_64").sourcePackage());
    Path bin = rpms.rpm("hello", "1.0", "x86_64");
    ChangeReport<RpmRef> report = repo.publish(PATH, List.of(bin, src));
    assertEquals(List.of("el9/SRPMS", PATH), report.added().stream().map(RpmRef::path).toList());
    assertEquals(List.of("hello-1.0-1.src"), names(repo.list("el9/SRPMS")));
    assertEquals(
        ObjectKey.of("el9/SRPMS/Packages/h/hello-1.0-1.src.rpm"),
        repo.list("el9/SRPMS").get(0).file());
    assertEquals("el9/SRPMS", repo.sourcePath(PATH));
    assertEquals("SRPMS", repo.sourcePath("x86_64"));
    assertEquals(List.of("el9/SRPMS", PATH), repo.paths());

    RpmRepository together =
        RpmRepository.builder(storage)
            .clock(clock)
            .sourcePlacement(SourcePlacement.WITH_BINARIES)
            .build();
    together.publish("dlrn/abc", List.of(bin, src));
    assertEquals(
        List.of("hello-1.0-1.src", "hello-1.0-1.x86_64"), names(together.list("dlrn/abc")));
    assertEquals(List.of(), Rpms.verify(storage));
  }

  @Test
  void aPackageRepublishedAfterRemovalWithOtherBytesGetsItsOwnPlace() throws Exception {
    Rpms rpms = rpms();
    repo.publish(PATH, List.of(rpms.rpm("hello", "1.0", "x86_64")));
    repo.remove(PATH, RpmSelector.named("hello"));
    Path rebuilt = rpms.write(Rpms.builder("hello", "1.0", "x86_64").summary("rebuilt"));
    RpmRef ref = repo.publish(PATH, List.of(rebuilt)).added().get(0);
    assertTrue(
        ref.file().value().matches("el9/x86_64/Packages/h/[0-9a-f]{16}/hello-1.0-1.x86_64.rpm"),
        ref.file().value());
    assertEquals(List.of(), Rpms.verify(storage));
  }

  @Test
  void packagesDifferingOnlyInEpochShareAFileNameAndBothStayListed() throws Exception {
    Rpms rpms = rpms();
    repo.publish(PATH, List.of(rpms.rpm("hello", "1.0", "x86_64")));
    repo.publish(PATH, List.of(rpms.write(Rpms.builder("hello", "1.0", "x86_64").epoch(2))));
    assertEquals(List.of("hello-1.0-1.x86_64", "hello-2:1.0-1.x86_64"), names(repo.list(PATH)));
    assertEquals(List.of(), Rpms.verify(storage));
  }

  @Test
  void zstdMetadataReadsBackAndSplices() throws Exception {
    Rpms rpms = rpms();
    RpmRepository zstd =
        RpmRepository.builder(storage).clock(clock).compression(MetadataCompression.ZSTD).build();
    zstd.publish(PATH, List.of(rpms.rpm("a", "1", "noarch")));
    zstd.publish(PATH, List.of(rpms.rpm("b", "1", "noarch")));
    assertTrue(
        storage.keys().stream().anyMatch(k -> k.value().endsWith("-primary.xml.zst")),
        storage.keys().toString());
    // a gzip publisher splices into zstd documents, and the other way round
    repo.publish(PATH, List.of(rpms.rpm("c", "1", "noarch")));
    assertEquals(List.of("a-1-1.noarch", "b-1-1.noarch", "c-1-1.noarch"), names(repo.list(PATH)));
    assertEquals(List.of(), Rpms.verify(storage));
  }

  @Test
  void refusesPathsThatAreNotRepositoryDirectories() {
    for (String bad : List.of("", "/abs", "a//b", "el9/repodata", ".pinrepo/x", "a/../b")) {
      assertThrows(IllegalArgumentException.class, () -> repo.list(bad), bad);
    }
  }

  private void assertSnapshot(Map<String, byte[]> before) {
    Map<String, byte[]> after = storage.snapshot();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, after.get(k)), k));
  }
}
