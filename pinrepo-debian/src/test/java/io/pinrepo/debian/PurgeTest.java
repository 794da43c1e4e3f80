package io.pinrepo.debian;

import static io.pinrepo.debian.Repos.deb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.clients.AptRoot;
import io.pinrepo.testkit.clients.Programs;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A purge takes a package out of the indexes and its file out of the pool now. */
class PurgeTest {

  private static final ObjectKey OLD = ObjectKey.of("pool/main/h/hello/hello_1.0_amd64.deb");

  @TempDir Path tmp;

  private final InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
  private final AptRepository repo = AptRepository.builder(storage).clock(Repos.CLOCK).build();

  private void publishTwoVersions() throws Exception {
    repo.publishSources(
        "stable", "main", List.of(deb("hello", "1.0", "amd64"), deb("hello", "2.0", "amd64")));
  }

  private static PackageSelector oldHello() {
    return PackageSelector.named("hello").withVersion(DebianVersion.parse("1.0"));
  }

  @Test
  void purgeTakesThePackageOutAndDeletesItsFileNow() throws Exception {
    publishTwoVersions();
    PurgeReport report = repo.purge("stable", "main", oldHello());
    assertEquals(List.of("hello 1.0 amd64"), names(report.removal().removed()));
    assertEquals(List.of(OLD), report.deleted());
    assertEquals(List.of(), report.kept());
    assertFalse(storage.peek(OLD).isPresent());
    assertEquals(List.of("hello 2.0 amd64"), names(repo.list("stable")));
    assertNoRecordLists(OLD);
    assertEquals(List.of(), problems());
    Repos.assertConsistent(storage, "stable");
  }

  @Test
  void purgeAfterARemoveFindsTheFileThroughTheSupersededIndexes() throws Exception {
    publishTwoVersions();
    repo.remove("stable", "main", oldHello());
    assertTrue(storage.peek(OLD).isPresent(), "a remove leaves the file for the retention");
    PurgeReport report = repo.purge("stable", "main", oldHello());
    assertFalse(report.removal().committed());
    assertEquals(List.of("hello 1.0 amd64"), names(report.purged()));
    assertEquals(List.of(OLD), report.deleted());
    assertFalse(storage.peek(OLD).isPresent());
    assertNoRecordLists(OLD);
    assertEquals(List.of(), problems());
  }

  @Test
  void purgeKeepsAFileAnotherDistributionLists() throws Exception {
    ContentSource hello = deb("hello", "1.0", "amd64");
    repo.publishSources("stable", "main", List.of(hello));
    repo.publishSources("testing", "main", List.of(hello));
    PurgeReport report = repo.purge("stable", "main", PackageSelector.named("hello"));
    assertEquals(List.of(OLD), report.kept());
    assertEquals(List.of(), report.deleted());
    assertTrue(storage.peek(OLD).isPresent());
    assertEquals(List.of(), repo.list("stable"));
    assertEquals(List.of(), problems());
    // Once testing lets go of it too, it goes.
    assertEquals(
        List.of(OLD), repo.purge("testing", "main", PackageSelector.named("hello")).deleted());
    assertFalse(storage.peek(OLD).isPresent());
  }

  @Test
  void purgeKeepsAFileASupersededIndexOfAnotherDistributionStillLists() throws Exception {
    ContentSource hello = deb("hello", "1.0", "amd64");
    repo.publishSources("stable", "main", List.of(hello));
    repo.publishSources("testing", "main", List.of(hello));
    repo.remove("testing", "main", PackageSelector.named("hello"));
    assertEquals(List.of(OLD), repo.purge("stable", "main", PackageSelector.named("hello")).kept());
    assertTrue(storage.peek(OLD).isPresent());
  }

  @Test
  void purgeDeletesAUdeb() throws Exception {
    repo.publishSources(
        "stable", "main", List.of(Repos.source(DebBuilder.of("di-pin", "1", "amd64").udeb())));
    PurgeReport report = repo.purge("stable", "main", PackageSelector.named("di-pin"));
    assertEquals(List.of(ObjectKey.of("pool/main/d/di-pin/di-pin_1_amd64.udeb")), report.deleted());
    assertEquals(List.of(), problems());
  }

  @Test
  void purgingWhatIsNotThereChangesNothing() throws Exception {
    publishTwoVersions();
    var before = storage.snapshot();
    PurgeReport report = repo.purge("stable", "main", PackageSelector.named("absent"));
    assertEquals(List.of(), report.purged());
    RefusedPublishTest.assertSameBytes(before, storage.snapshot());
  }

  @Test
  void aptGetUpdateAndVerifyAreCleanAfterAPurge() throws Exception {
    Path repoDir = tmp.resolve("repo");
    Path in = tmp.resolve("in");
    List<Path> debs =
        List.of(
            DebBuilder.of("hello-pin", "1.0", "amd64").writeTo(in),
            DebBuilder.of("hello-pin", "2.0", "amd64").writeTo(in));
    AptRoot apt =
        AptRoot.create(
            tmp.resolve("apt"),
            "deb [arch=amd64 trusted=yes] file:" + repoDir + " stable main",
            "amd64");
    try (FileSystemStorage fs = FileSystemStorage.open(repoDir)) {
      AptRepository.builder(fs).build().publish("stable", "main", debs);
      assertEquals(0, apt.update().exit());
      assertEquals("2.0", apt.candidate("hello-pin"));
      AptRepository.builder(fs)
          .build()
          .purge(
              "stable",
              "main",
              PackageSelector.named("hello-pin").withVersion(DebianVersion.parse("2.0")));
      List<Problem> problems = new ArrayList<>();
      new AptFormat().verify(fs, VerifyContext.unsigned(), problems::add);
      assertEquals(List.of(), problems);
    }
    assertFalse(Files.exists(repoDir.resolve("pool/main/h/hello-pin/hello-pin_2.0_amd64.deb")));
    Programs.Result update = apt.update();
    assertEquals(0, update.exit(), update.out() + update.err());
    assertEquals(List.of(), AptRoot.problems(update), update.out() + update.err());
    assertEquals("1.0", apt.candidate("hello-pin"));
  }

  /** Every superseded index (plain and gzipped) that listed the file is no longer recorded. */
  private void assertNoRecordLists(ObjectKey file) throws Exception {
    assertTrue(storage.peek(OLD).isEmpty());
    assertEquals(
        List.of(), SupersededIndexes.read(storage, new DistLayout("stable")), file.value());
  }

  private List<Problem> problems() throws Exception {
    List<Problem> problems = new ArrayList<>();
    repo.format().verify(storage, VerifyContext.unsigned(), problems::add);
    return problems;
  }

  private static List<String> names(List<PackageRef> refs) {
    return refs.stream().map(PackageRef::toString).toList();
  }
}
