package io.pinrepo.pypi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.commit.Settlement;
import io.pinrepo.fixtures.python.SdistBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Problem;
import io.pinrepo.format.Retention;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.hash.Digests;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.simple.ProjectFile;
import io.pinrepo.pypi.simple.ProjectPage;
import io.pinrepo.pypi.simple.SimpleHtml;
import io.pinrepo.pypi.simple.SimpleJson;
import io.pinrepo.pypi.version.Pep440Version;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PypiRepositoryTest {

  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456789Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  final InMemoryStorage storage = new InMemoryStorage(CLOCK, 100);
  final PypiRepository repo = PypiRepository.builder(storage).clock(CLOCK).build();

  Path wheel(String name, String version) throws IOException {
    return WheelBuilder.of(name, version).writeTo(dir.resolve("in"));
  }

  static final ProjectName DEMO = ProjectName.of("demo");

  ProjectPage page(ProjectName name) throws IOException {
    return SimpleJson.parse(storage.peek(SimpleLayout.projectJson(name)).orElseThrow());
  }

  String html(ProjectName name) {
    return new String(
        storage.peek(SimpleLayout.projectHtml(name)).orElseThrow(), StandardCharsets.UTF_8);
  }

  Map<ObjectKey, String> versions() throws IOException {
    Map<ObjectKey, String> versions = new java.util.TreeMap<>();
    for (ObjectKey key : storage.keys()) {
      versions.put(key, storage.stat(key).orElseThrow().versionToken());
    }
    return versions;
  }

  List<Problem> verify() throws IOException {
    List<Problem> problems = new ArrayList<>();
    new PypiFormat().verify(storage, VerifyContext.unsigned(), problems::add);
    return problems;
  }

  @Test
  void publishWritesFileMetadataPagesAndRoot() throws Exception {
    Path whl = WheelBuilder.of("Demo", "1.0").requiresPython("<4,>=3.8").writeTo(dir);
    ChangeReport<DistributionRef> result = repo.publish(whl);
    String file = "Demo-1.0-py3-none-any.whl";
    assertEquals(List.of(DistributionRef.of(page(DEMO).files().get(0))), result.added());
    assertEquals(List.of(), result.unchanged());
    assertEquals(List.of(), result.removed());
    assertTrue(result.committed());
    assertEquals(Settlement.CURRENT, result.derived());
    DistributionRef ref = result.added().get(0);
    assertEquals("demo", ref.name());
    assertEquals("1.0", ref.version());
    assertEquals(SimpleLayout.file(DEMO, file), ref.file());
    assertArrayEquals(
        Files.readAllBytes(whl), storage.peek(SimpleLayout.file(DEMO, file)).orElseThrow());
    byte[] metadata = storage.peek(SimpleLayout.coreMetadata(DEMO, file)).orElseThrow();
    assertTrue(
        new String(metadata, StandardCharsets.UTF_8)
            .startsWith("Metadata-Version: 2.1\nName: Demo\n"));
    ProjectFile entry = page(DEMO).files().get(0);
    assertEquals(Digests.of(Files.readAllBytes(whl)).sha256(), entry.sha256());
    assertEquals(Optional.of(Digests.of(metadata).sha256()), entry.coreMetadataSha256());
    assertEquals(Instant.parse("2026-01-02T03:04:05.123456Z"), entry.uploadTime());
    String html = html(DEMO);
    assertTrue(html.contains("href=\"" + file + "#sha256=" + entry.sha256() + "\""), html);
    assertTrue(html.contains("data-requires-python=\"&lt;4,&gt;=3.8\""), html);
    assertTrue(
        html.contains("data-core-metadata=\"sha256=" + Digests.of(metadata).sha256() + "\""), html);
    assertTrue(html.contains("data-dist-info-metadata=\"sha256="), html);
    String json =
        new String(
            storage.peek(SimpleLayout.projectJson(DEMO)).orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"core-metadata\":{\"sha256\""), json);
    assertFalse(json.contains("dist-info-metadata"), json);
    assertTrue(json.contains("\"upload-time\":\"2026-01-02T03:04:05.123456Z\""), json);
    assertEquals(List.of(DEMO), repo.projects());
    assertEquals(List.of(), verify());
  }

  @Test
  void anSdistIsListedWithoutCoreMetadata() throws Exception {
    repo.publish(SdistBuilder.of("demo", "1.0").writeTo(dir));
    ProjectFile entry = page(DEMO).files().get(0);
    assertEquals(Optional.empty(), entry.coreMetadataSha256());
    assertFalse(html(DEMO).contains("core-metadata"));
    assertTrue(storage.peek(SimpleLayout.coreMetadata(DEMO, "demo-1.0.tar.gz")).isEmpty());
  }

  @Test
  void publishingTheSameBytesAgainChangesNothing() throws Exception {
    Path whl = wheel("demo", "1.0");
    repo.publish(whl);
    Map<String, byte[]> before = storage.snapshot();
    Map<ObjectKey, String> versionsBefore = versions();
    ChangeReport<DistributionRef> again = repo.publish(whl);
    assertEquals(List.of(DistributionRef.of(page(DEMO).files().get(0))), again.unchanged());
    assertEquals(List.of(), again.added());
    assertFalse(again.changed());
    Map<String, byte[]> after = storage.snapshot();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    assertEquals(versionsBefore, versions(), "current derived pages are not written again");
  }

  @Test
  void otherBytesUnderAPublishedNameAreRefused() throws Exception {
    repo.publish(wheel("demo", "1.0"));
    Path other = WheelBuilder.of("demo", "1.0").summary("changed").writeTo(dir.resolve("other"));
    byte[] page = storage.peek(SimpleLayout.projectJson(DEMO)).orElseThrow();
    assertThrows(PackageConflictException.class, () -> repo.publish(other));
    assertArrayEquals(page, storage.peek(SimpleLayout.projectJson(DEMO)).orElseThrow());
  }

  @Test
  void aMalformedFileWritesNothing() throws Exception {
    Path bad = WheelBuilder.of("demo", "1.0").metadataName("other").writeTo(dir);
    assertThrows(MalformedPackageException.class, () -> repo.publish(bad));
    assertEquals(List.of(), storage.keys());
  }

  @Test
  void aBatchPublishesEveryFileAndReportsEach() throws Exception {
    List<Path> files =
        List.of(wheel("demo", "1.0"), SdistBuilder.of("demo", "1.0").writeTo(dir), wheel("b", "2"));
    ChangeReport<DistributionRef> report = repo.publish(files);
    assertEquals(
        List.of("demo-1.0-py3-none-any.whl", "demo-1.0.tar.gz", "b-2-py3-none-any.whl"),
        report.added().stream().map(DistributionRef::fileName).toList());
    assertEquals(List.of(ProjectName.of("b"), DEMO), repo.projects());
    assertEquals(List.of(), verify());
  }

  @Test
  void aBatchWithMalformedFilesWritesNothingAndNamesEachOne() throws Exception {
    Path good = wheel("demo", "1.0");
    Path badName = WheelBuilder.of("demo", "2.0").metadataName("other").writeTo(dir.resolve("b"));
    Path badVersion = WheelBuilder.of("demo", "3.0").fileVersion("3.1").writeTo(dir.resolve("c"));
    RefusedBatchException refused =
        assertThrows(
            RefusedBatchException.class, () -> repo.publish(List.of(good, badName, badVersion)));
    assertEquals(2, refused.causes().size());
    assertTrue(refused.causes().get(0).getMessage().startsWith(badName.toString()));
    assertTrue(refused.causes().get(1).getMessage().startsWith(badVersion.toString()));
    assertEquals(List.of(), storage.keys());
  }

  @Test
  void replacingOlderVersionsKeepsNewerOnes() throws Exception {
    PypiRepository replace =
        PypiRepository.builder(storage).clock(CLOCK).retention(Retention.replaceOlder()).build();
    replace.publish(wheel("demo", "1.0"));
    ChangeReport<DistributionRef> second = replace.publish(wheel("demo", "2.0"));
    assertEquals(List.of("1.0"), second.removed().stream().map(DistributionRef::version).toList());
    ChangeReport<DistributionRef> older = replace.publish(wheel("demo", "1.5"));
    assertEquals(List.of(), older.removed());
    assertEquals(
        List.of(Pep440Version.parse("1.5"), Pep440Version.parse("2.0")), page(DEMO).versions());
  }

  @Test
  void yankAndDeleteReportTheFilesTheyChange() throws Exception {
    repo.publish(List.of(wheel("demo", "1.0"), SdistBuilder.of("demo", "1.0").writeTo(dir)));
    Pep440Version v1 = Pep440Version.parse("1.0");
    ChangeReport<DistributionRef> yanked = repo.yank(DEMO, v1, "broken");
    assertEquals(
        page(DEMO).files(), yanked.added().stream().map(DistributionRef::listing).toList());
    assertTrue(yanked.changed());
    ChangeReport<DistributionRef> again = repo.yank(DEMO, v1, "broken");
    assertEquals(2, again.unchanged().size());
    assertFalse(again.changed());
    ChangeReport<DistributionRef> deleted = repo.deleteVersion(DEMO, v1);
    assertEquals(yanked.added(), deleted.removed());
    assertEquals(List.of(), page(DEMO).files());
  }

  @Test
  void anEntryBelongsToTheProjectItsFileNames() throws Exception {
    repo.publish(wheel("demo", "1.0"));
    ProjectFile listing = page(DEMO).files().get(0);
    assertThrows(
        IllegalArgumentException.class,
        () -> new DistributionRef(ProjectName.of("other"), listing));
    assertEquals("demo demo-1.0-py3-none-any.whl", DistributionRef.of(listing).toString());
  }

  @Test
  void yanksWithAReasonAndUnyanks() throws Exception {
    repo.publish(wheel("demo", "1.0"));
    repo.publish(SdistBuilder.of("demo", "1.0").writeTo(dir));
    repo.publish(wheel("demo", "2.0"));
    repo.yank(DEMO, Pep440Version.parse("1.0.0"), "broken \"quotes\" & <tags>");
    for (ProjectFile f : page(DEMO).files()) {
      assertEquals(
          f.version().equals(Pep440Version.parse("1.0")),
          f.yanked().equals(Optional.of("broken \"quotes\" & <tags>")),
          f.fileName());
    }
    assertTrue(html(DEMO).contains("data-yanked=\"broken &quot;quotes&quot; &amp; &lt;tags&gt;\""));
    repo.unyank(DEMO, Pep440Version.parse("1.0"));
    assertTrue(page(DEMO).files().stream().noneMatch(ProjectFile::isYanked));
    assertFalse(html(DEMO).contains("data-yanked"));
  }

  @Test
  void yankWithoutReasonIsStillAYank() throws Exception {
    repo.publish(wheel("demo", "1.0"));
    repo.yank(DEMO, Pep440Version.parse("1.0"), "");
    assertEquals(Optional.of(""), page(DEMO).files().get(0).yanked());
    assertTrue(html(DEMO).contains("data-yanked=\"\""));
    assertTrue(
        new String(
                storage.peek(SimpleLayout.projectJson(DEMO)).orElseThrow(), StandardCharsets.UTF_8)
            .contains("\"yanked\":true"));
  }

  @Test
  void yankingAnUnknownReleaseFails() throws Exception {
    repo.publish(wheel("demo", "1.0"));
    assertThrows(
        UnknownReleaseException.class, () -> repo.yank(DEMO, Pep440Version.parse("3"), ""));
    assertThrows(
        UnknownReleaseException.class,
        () -> repo.yank(ProjectName.of("nothing"), Pep440Version.parse("1"), ""));
  }

  @Test
  void deletesAVersionButKeepsItsNameTaken() throws Exception {
    repo.publish(wheel("demo", "1.0"));
    repo.publish(wheel("demo", "2.0"));
    repo.deleteVersion(DEMO, Pep440Version.parse("1.0"));
    assertEquals(List.of(Pep440Version.parse("2.0")), page(DEMO).versions());
    assertFalse(html(DEMO).contains("demo-1.0-"));
    Path other = WheelBuilder.of("demo", "1.0").summary("changed").writeTo(dir.resolve("other"));
    assertThrows(PackageConflictException.class, () -> repo.publish(other));
    assertEquals(List.of(), verify());
  }

  @Test
  void keepsOnlyTheNewestVersionsWhenAsked() throws Exception {
    PypiRepository keepTwo =
        PypiRepository.builder(storage).clock(CLOCK).retention(Retention.keepNewest(2)).build();
    keepTwo.publish(wheel("demo", "1.0"));
    keepTwo.publish(wheel("demo", "1.1"));
    keepTwo.publish(SdistBuilder.of("demo", "1.1").writeTo(dir));
    ChangeReport<DistributionRef> third = keepTwo.publish(wheel("demo", "2.0"));
    assertEquals(
        List.of("demo-1.0-py3-none-any.whl"),
        third.removed().stream().map(DistributionRef::fileName).toList());
    assertEquals(
        List.of("demo-2.0-py3-none-any.whl"),
        third.added().stream().map(DistributionRef::fileName).toList());
    assertEquals(
        List.of(Pep440Version.parse("1.1"), Pep440Version.parse("2.0")), page(DEMO).versions());
    assertEquals(3, page(DEMO).files().size());
  }

  @Test
  void keepsEveryVersionByDefault() throws Exception {
    for (int i = 0; i < 12; i++) {
      repo.publish(wheel("demo", "1." + i));
    }
    assertEquals(12, page(DEMO).versions().size());
  }

  @Test
  void theRootChangesOnlyWhenAProjectAppears() throws Exception {
    repo.publish(wheel("demo", "1.0"));
    String token = storage.stat(SimpleLayout.ROOT).orElseThrow().versionToken();
    repo.publish(wheel("demo", "1.1"));
    assertEquals(token, storage.stat(SimpleLayout.ROOT).orElseThrow().versionToken());
    repo.publish(wheel("Other.Project", "1.0"));
    assertEquals(List.of(DEMO, ProjectName.of("other-project")), repo.projects());
    assertEquals(
        "{\"meta\":{\"api-version\":\"1.1\"},\"projects\":[{\"name\":\"demo\"},"
            + "{\"name\":\"other-project\"}]}\n",
        new String(storage.peek(SimpleLayout.ROOT_JSON).orElseThrow(), StandardCharsets.UTF_8));
  }

  @Test
  void operationsPerPublishDoNotGrowWithTheRepository() throws Exception {
    long small = costOfOnePublishAfter(1, 1);
    long large = costOfOnePublishAfter(40, 5);
    assertEquals(small, large);
    // the check: read of the state, stat of the file's key; 2 uploads; stat of the 2 HTML pages
    // (index.html and the directory key simple/p0/, which this storage holds), read + write of the
    // state; 2 conditional page writes + re-check of the state; stat of the 2 root twins + root
    // read.
    assertTrue(small <= 14, "a publish took " + small + " operations");
  }

  private long costOfOnePublishAfter(int projects, int filesEach) throws IOException {
    InMemoryStorage s = new InMemoryStorage(CLOCK, 10);
    PypiRepository r = PypiRepository.builder(s).clock(CLOCK).build();
    Path in = dir.resolve("cost-" + projects);
    for (int p = 0; p < projects; p++) {
      for (int f = 0; f < filesEach; f++) {
        r.publish(WheelBuilder.of("p" + p, "1." + f).writeTo(in));
      }
    }
    Path next = WheelBuilder.of("p0", "9.0").writeTo(in);
    s.resetCounts();
    r.publish(next);
    assertEquals(0, s.count(Operation.LIST_PAGE), "a publish must not list");
    return s.count(Operation.ANY);
  }

  @Test
  void aCrashAtAnyWriteLeavesAConsistentRepository() throws Exception {
    Path first = wheel("demo", "1.0");
    Path second = wheel("demo", "1.1");
    Path third = wheel("newcomer", "1.0");
    for (int k = 1; k <= 12; k++) {
      InMemoryStorage s = new InMemoryStorage(CLOCK, 100);
      PypiRepository r = PypiRepository.builder(s).clock(CLOCK).build();
      r.publish(first);
      s.failOn(Operation.WRITE, k);
      try {
        r.publish(second);
        r.publish(third);
      } catch (IOException | RuntimeException expected) {
        // the injected crash
      }
      s.clearFault();
      List<Problem> problems = new ArrayList<>();
      new PypiFormat().verify(s, VerifyContext.unsigned(), problems::add);
      // the only tolerated lag is a derived page (project HTML, root JSON) one commit behind
      assertTrue(
          problems.stream().allMatch(p -> p.description().startsWith("does not match")),
          "crash at write " + k + ": " + problems);
      r.publish(second);
      r.publish(third);
      problems.clear();
      new PypiFormat().verify(s, VerifyContext.unsigned(), problems::add);
      assertEquals(List.of(), problems, "after re-publishing, crash at write " + k);
      assertEquals(List.of(DEMO, ProjectName.of("newcomer")), r.projects());
    }
  }

  @Test
  void verifyFindsAFileThatDoesNotMatchItsEntry() throws Exception {
    repo.publish(wheel("demo", "1.0"));
    ObjectKey key = SimpleLayout.file(DEMO, "demo-1.0-py3-none-any.whl");
    storage.write(key, ContentSource.ofUtf8("tampered"), WriteCondition.none());
    List<Problem> problems = verify();
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(key, problems.get(0).key());
  }

  @Test
  void marksEveryListedObjectLive() throws Exception {
    repo.publish(wheel("demo", "1.0"));
    repo.publish(SdistBuilder.of("demo", "1.0").writeTo(dir));
    List<ObjectKey> live = new ArrayList<>();
    new PypiFormat().markLive(storage, object -> live.add(object.key()));
    assertEquals(
        storage.keys().stream().sorted().toList(), live.stream().sorted().distinct().toList());
  }

  @Test
  void htmlIsRenderedFromTheCommittedState() throws Exception {
    repo.publish(wheel("demo", "1.0"));
    repo.publish(wheel("demo", "1.1rc1"));
    assertArrayEquals(
        SimpleHtml.render(page(DEMO)), storage.peek(SimpleLayout.projectHtml(DEMO)).orElseThrow());
  }

  @Test
  void theSameFilesGiveTheSameBytesInAnyPublishOrder() throws Exception {
    List<Path> files =
        List.of(
            wheel("demo", "1.0"),
            wheel("demo", "2.0rc1"),
            wheel("Other", "0.1"),
            SdistBuilder.of("demo", "1.0").writeTo(dir),
            wheel("demo", "1!0.1"));
    Map<String, byte[]> forwards = publishAll(files);
    List<Path> backwards = new ArrayList<>(files);
    java.util.Collections.reverse(backwards);
    Map<String, byte[]> reversed = publishAll(backwards);
    assertEquals(forwards.keySet(), reversed.keySet());
    forwards.forEach((k, v) -> assertArrayEquals(v, reversed.get(k), k));
  }

  private Map<String, byte[]> publishAll(List<Path> files) throws IOException {
    InMemoryStorage s = new InMemoryStorage(CLOCK, 100);
    PypiRepository r = PypiRepository.builder(s).clock(CLOCK).build();
    for (Path f : files) {
      r.publish(f);
    }
    return s.snapshot();
  }
}
