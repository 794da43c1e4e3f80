package io.pinrepo.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.faults.DiesAfterWrite;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The post-commit step: derived files written conditionally on their versions read before the
 * commit, checked against the top, stopping when a newer commit takes over.
 */
class SettleTest {

  private static final ObjectKey TOP = ObjectKey.of("top");
  private static final ObjectKey PAGE = ObjectKey.of("page.html");
  private static final ObjectKey SUM = ObjectKey.of("top.sha1");

  private final InMemoryStorage storage = new InMemoryStorage();
  private final List<Long> sleeps = new ArrayList<>();
  private final OptimisticCommit commit =
      new OptimisticCommit(
          new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(2)), sleeps::add);

  /** One publisher's commit of {@code state}: what {@code settle} is given afterwards. */
  private DerivedFiles commitState(Storage on, String state) throws IOException {
    ObjectVersions before = ObjectVersions.read(on, List.of(PAGE, SUM));
    Top top = Top.read(on, TOP, 1024);
    String version = top.replace(on, bytes(state)).versionToken();
    return DerivedFiles.ofBytes(
        TOP,
        version,
        Map.of(PAGE, bytes("page of " + state), SUM, bytes("sum of " + state)),
        before);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String text(ObjectKey key) {
    return new String(storage.peek(key).orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void derivedFilesOfTheCurrentTopAreWrittenAndReportedCurrent() throws IOException {
    DerivedFiles derived = commitState(storage, "v1");

    assertEquals(Settlement.CURRENT, commit.start("top").settle(storage, derived));

    assertEquals("page of v1", text(PAGE));
    assertEquals("sum of v1", text(SUM));
    assertEquals(List.of(), sleeps);
  }

  @Test
  void aNewerCommitTakesOverAndTheOlderPublisherStops() throws IOException {
    DerivedFiles older = commitState(storage, "v1");
    DerivedFiles newer = commitState(storage, "v2");
    assertEquals(Settlement.CURRENT, commit.start("top").settle(storage, newer));

    assertEquals(Settlement.SUPERSEDED, commit.start("top").settle(storage, older));

    assertEquals("page of v2", text(PAGE));
    assertEquals("sum of v2", text(SUM));
  }

  @Test
  void aLateWriteOfAnOlderStateIsRewrittenWhileTheTopIsUnchanged() throws IOException {
    DerivedFiles older = commitState(storage, "v1");
    DerivedFiles newer = commitState(storage, "v2");
    // The older publisher read the same versions and writes late, before the newer one settles.
    storage.write(PAGE, ContentSource.ofUtf8("page of v1"), older.before().conditionFor(PAGE));

    assertEquals(Settlement.CURRENT, commit.start("top").settle(storage, newer));

    assertEquals("page of v2", text(PAGE));
    assertEquals(1, sleeps.size());
  }

  @Test
  void aSlowWriterThatDiesAfterItsLateWriteLeavesNothingStale() throws IOException {
    DerivedFiles older = commitState(storage, "v1");
    DiesAfterWrite slow =
        new DiesAfterWrite(
            storage, PAGE, () -> commit.start("top").settle(storage, commitState(storage, "v2")));

    assertThrows(InjectedFaultException.class, () -> commit.start("top").settle(slow, older));

    assertTrue(slow.dead());
    assertEquals("page of v2", text(PAGE));
    assertEquals("sum of v2", text(SUM));
  }

  @Test
  void writersThatKeepChangingTheFilesExhaustTheBudgetSharedWithTheCommit() throws IOException {
    DerivedFiles derived = commitState(storage, "v1");
    OptimisticCommit.Operation operation = commit.start("top");
    int[] conflicts = {0};
    operation.commit(
        () -> {
          if (conflicts[0]++ < 2) {
            throw new io.pinrepo.spi.PreconditionFailedException(
                TOP, WriteCondition.mustBeAbsent());
          }
          return null;
        });
    Storage meddling =
        new io.pinrepo.spi.ForwardingStorage(storage) {
          @Override
          public io.pinrepo.spi.ObjectInfo write(
              ObjectKey key, ContentSource content, WriteCondition condition) throws IOException {
            storage.write(key, ContentSource.ofUtf8("someone else"), WriteCondition.none());
            return super.write(key, content, condition);
          }
        };

    assertEquals(Settlement.GAVE_UP, operation.settle(meddling, derived));
    assertEquals(4, operation.failures());
  }

  @Test
  void aDeletedTopEndsSettling() throws IOException {
    DerivedFiles derived = commitState(storage, "v1");
    storage.delete(TOP, WriteCondition.none());

    assertEquals(Settlement.TOP_GONE, commit.start("top").settle(storage, derived));
  }

  @Test
  void aFileWhoseVersionWasNotReadIsRefused() {
    ObjectVersions none = new ObjectVersions(Map.of());
    assertThrows(
        IllegalArgumentException.class,
        () -> DerivedFiles.ofBytes(TOP, "t", Map.of(PAGE, bytes("x")), none));
    assertEquals(Optional.empty(), storage.peek(PAGE));
  }
}
