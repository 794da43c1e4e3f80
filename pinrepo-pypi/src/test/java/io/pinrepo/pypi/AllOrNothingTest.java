package io.pinrepo.pypi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.CommitConflictException;
import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.fixtures.python.SdistBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Problem;
import io.pinrepo.format.Retention;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.version.Pep440Version;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 items 3, 4 and 6: a batch is published all or nothing, a refused publish leaves every
 * key and every byte as it was, and the retention prunes also on an unchanged republish.
 */
class AllOrNothingTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
  static final ProjectName DEMO = ProjectName.of("demo");

  @TempDir Path dir;
  final InMemoryStorage storage = new InMemoryStorage(CLOCK, 100);
  final PypiRepository repo = PypiRepository.builder(storage).clock(CLOCK).build();

  private Path wheel(String name, String version) throws IOException {
    return WheelBuilder.of(name, version).writeTo(dir.resolve("in"));
  }

  private Path otherBytes(String name, String version) throws IOException {
    return WheelBuilder.of(name, version).summary("other bytes").writeTo(dir.resolve("other"));
  }

  /** Asserts that the storage holds exactly the keys and bytes of {@code before}. */
  private void assertUnchanged(Map<String, byte[]> before) {
    Map<String, byte[]> after = storage.snapshot();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((key, bytes) -> assertArrayEquals(bytes, after.get(key), key));
  }

  private List<Problem> verify() throws IOException {
    List<Problem> problems = new ArrayList<>();
    new PypiFormat().verify(storage, VerifyContext.unsigned(), problems::add);
    return problems;
  }

  @Test
  void aBadFileInTheMiddleOfABatchPublishesNothing() throws Exception {
    repo.publish(wheel("demo", "0.9"));
    Path a = wheel("demo", "1.0");
    Path b = WheelBuilder.of("demo", "1.1").metadataName("other").writeTo(dir.resolve("b"));
    Path c = SdistBuilder.of("demo", "1.2").writeTo(dir.resolve("c"));
    Map<String, byte[]> before = storage.snapshot();

    MalformedPackageException e =
        assertThrows(MalformedPackageException.class, () -> repo.publish(List.of(a, b, c)));

    assertEquals(b.toString(), e.source());
    assertUnchanged(before);
  }

  @Test
  void everyConflictOfABatchIsNamedBeforeAnythingIsWritten() throws Exception {
    repo.publish(List.of(wheel("demo", "1.0"), wheel("gone", "1.0")));
    repo.deleteVersion(ProjectName.of("gone"), Pep440Version.parse("1.0"));
    Path fresh = wheel("fresh", "1.0");
    Path listed = otherBytes("demo", "1.0");
    Path unlisted = otherBytes("gone", "1.0");
    Path freshToo = wheel("demo", "2.0");
    Map<String, byte[]> before = storage.snapshot();

    RefusedBatchException e =
        assertThrows(
            RefusedBatchException.class,
            () -> repo.publish(List.of(fresh, listed, unlisted, freshToo)));

    List<String> lines = e.causes().stream().map(Throwable::getMessage).toList();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                listed + ": demo-1.0-py3-none-any.whl is already published with other content"),
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .startsWith(
                unlisted + ": gone-1.0-py3-none-any.whl was uploaded before with other content"),
        lines.get(1));
    assertTrue(e.causes().stream().allMatch(c -> c instanceof PackageConflictException));
    assertUnchanged(before);
  }

  @Test
  void twoFilesOfOneNameWithOtherBytesRefuseTheBatch() throws Exception {
    Path one = wheel("demo", "1.0");
    Path two = otherBytes("demo", "1.0");
    PackageConflictException e =
        assertThrows(PackageConflictException.class, () -> repo.publish(List.of(one, two)));
    assertTrue(e.getMessage().startsWith(two + ": has the same name as " + one), e.getMessage());
    assertEquals(List.of(), storage.keys());
  }

  @Test
  void theSameFileGivenTwiceIsPublishedOnce() throws Exception {
    Path one = wheel("demo", "1.0");
    ChangeReport<DistributionRef> report = repo.publish(List.of(one, one));
    assertEquals(1, report.added().size());
    assertEquals(List.of(), verify());
  }

  @Test
  void theFilesOfOneProjectAreCommittedTogether() throws Exception {
    repo.publish(wheel("demo", "0.1"));
    ObjectKey state = SimpleLayout.projectJson(DEMO);
    List<ObjectKey> writes = new ArrayList<>();
    ForwardingStorage counting =
        new ForwardingStorage(storage) {
          @Override
          public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
              throws IOException {
            writes.add(key);
            return super.write(key, content, condition);
          }
        };
    PypiRepository.builder(counting)
        .clock(CLOCK)
        .build()
        .publish(List.of(wheel("demo", "1.0"), wheel("demo", "1.1"), wheel("demo", "1.2")));
    assertEquals(1, writes.stream().filter(state::equals).count(), writes.toString());
    assertEquals(4, repo.read(DEMO).orElseThrow().files().size());
  }

  @Test
  void anUploadRaceTakesBackWhatThisPublishCreatedAndNothingElse() throws Exception {
    repo.publish(wheel("demo", "0.9"));
    Path first = wheel("demo", "1.0");
    Path second = wheel("demo", "1.1");
    Path theirs = otherBytes("demo", "1.1");
    ObjectKey secondKey = SimpleLayout.file(DEMO, "demo-1.1-py3-none-any.whl");
    Map<String, byte[]> before = storage.snapshot();
    // Between the check and the upload of the second file, another publisher uploads other bytes
    // under its name.
    ObjectKey firstKey = SimpleLayout.file(DEMO, "demo-1.0-py3-none-any.whl");
    Raced raced =
        new Raced(
            storage,
            firstKey,
            () ->
                storage.write(
                    secondKey, ContentSource.ofPath(theirs), WriteCondition.mustBeAbsent()));

    PackageConflictException e =
        assertThrows(
            PackageConflictException.class,
            () ->
                PypiRepository.builder(raced).clock(CLOCK).build().publish(List.of(first, second)));

    assertTrue(e.getMessage().startsWith(second + ": "), e.getMessage());
    Map<String, byte[]> after = storage.snapshot();
    after.remove(secondKey.value()); // the other publisher's upload, not this one's
    assertEquals(before.keySet(), after.keySet());
    before.forEach((key, bytes) -> assertArrayEquals(bytes, after.get(key), key));
  }

  @Test
  void aBlobTakenBackUnderAReusingPublisherIsUploadedAgainAfterItsCommit() throws Exception {
    Path whl = wheel("demo", "1.0");
    ObjectKey key = SimpleLayout.file(DEMO, "demo-1.0-py3-none-any.whl");
    ObjectKey metadata = SimpleLayout.coreMetadata(DEMO, "demo-1.0-py3-none-any.whl");
    // A refused publisher created both blobs; this one finds them there and relies on them; the
    // refused one takes them back just before this one commits.
    storage.write(key, ContentSource.ofPath(whl), WriteCondition.mustBeAbsent());
    byte[] meta = metadataOf(whl);
    storage.write(metadata, ContentSource.ofBytes(meta), WriteCondition.mustBeAbsent());
    Raced raced =
        new Raced(
            storage,
            SimpleLayout.projectJson(DEMO),
            () -> {
              storage.delete(key, WriteCondition.none());
              storage.delete(metadata, WriteCondition.none());
            });

    PypiRepository.builder(raced).clock(CLOCK).build().publish(whl);

    assertEquals(List.of(), verify());
  }

  private byte[] metadataOf(Path whl) throws IOException {
    InMemoryStorage scratch = new InMemoryStorage(CLOCK, 100);
    PypiRepository.builder(scratch).clock(CLOCK).build().publish(whl);
    return scratch
        .peek(SimpleLayout.coreMetadata(DEMO, whl.getFileName().toString()))
        .orElseThrow();
  }

  @Test
  void aLaterProjectRefusedAtItsCommitLeavesTheEarlierPublishedAndTakesBackItsOwnUploads()
      throws Exception {
    Path a = wheel("alpha", "1.0");
    Path b = wheel("beta", "1.0");
    ObjectKey betaPage = SimpleLayout.projectJson(ProjectName.of("beta"));
    // Every attempt to commit beta loses to another publisher: the budget runs out.
    ForwardingStorage losing =
        new ForwardingStorage(storage) {
          @Override
          public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
              throws IOException {
            if (key.equals(betaPage)) {
              throw new PreconditionFailedException(key, condition);
            }
            return super.write(key, content, condition);
          }
        };
    PypiRepository r =
        PypiRepository.builder(losing)
            .clock(CLOCK)
            .retryPolicy(new RetryPolicy(2, Duration.ZERO, Duration.ZERO))
            .build();

    assertThrows(CommitConflictException.class, () -> r.publish(List.of(a, b)));

    assertEquals(List.of(ProjectName.of("alpha")), repo.projects());
    assertEquals(List.of(), verify());
    assertFalse(
        storage.keys().stream().anyMatch(k -> k.value().startsWith("simple/beta/")),
        storage.keys().toString());
  }

  @Test
  void theRetentionPrunesOnAnUnchangedRepublishAndReportsWhatItDropped() throws Exception {
    Path newest = wheel("demo", "2.0");
    repo.publish(List.of(wheel("demo", "1.0"), wheel("demo", "1.1"), newest));
    PypiRepository keepOne =
        PypiRepository.builder(storage).clock(CLOCK).retention(Retention.keepNewest(1)).build();

    ChangeReport<DistributionRef> report = keepOne.publish(newest);

    assertEquals(
        List.of("2.0"), report.unchanged().stream().map(DistributionRef::version).toList());
    assertEquals(
        List.of("1.0", "1.1"), report.removed().stream().map(DistributionRef::version).toList());
    assertTrue(report.changed());
    assertEquals(List.of(Pep440Version.parse("2.0")), repo.read(DEMO).orElseThrow().versions());
    assertEquals(List.of(), verify());
  }

  @Test
  void aRefusedBatchNamesEachBadFileOnItsOwnLine() throws Exception {
    Path bad1 = WheelBuilder.of("demo", "1.0").metadataName("other").writeTo(dir.resolve("1"));
    Path good = wheel("demo", "1.1");
    Path bad2 = WheelBuilder.of("demo", "1.2").fileVersion("1.3").writeTo(dir.resolve("2"));
    RefusedBatchException e =
        assertThrows(RefusedBatchException.class, () -> repo.publish(List.of(bad1, good, bad2)));
    List<String> sources =
        e.causes().stream().map(c -> ((MalformedPackageException) c).source()).toList();
    assertEquals(List.of(bad1.toString(), bad2.toString()), sources);
    assertTrue(
        e.causes().stream().map(PinrepoException::getMessage).noneMatch(m -> m.contains("\n")));
    assertEquals(List.of(), storage.keys());
  }

  /** Runs {@code meanwhile} once, just before the first write of {@code key}. */
  private static final class Raced extends ForwardingStorage {
    interface Meanwhile {
      void run() throws IOException;
    }

    private final ObjectKey key;
    private final Meanwhile meanwhile;
    private boolean done;

    Raced(InMemoryStorage delegate, ObjectKey key, Meanwhile meanwhile) {
      super(delegate);
      this.key = key;
      this.meanwhile = meanwhile;
    }

    @Override
    public ObjectInfo write(ObjectKey k, ContentSource content, WriteCondition condition)
        throws IOException {
      if (k.equals(key) && !done) {
        done = true;
        meanwhile.run();
      }
      return super.write(k, content, condition);
    }

    @Override
    public void close() {
      // the test owns the storage
    }
  }
}
