package io.pinrepo.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.LiveObject;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicatorTest {

  @TempDir Path dir;

  @Test
  void copiesEveryFormatSoThatTheTargetVerifiesAndHoldsTheSourcesLiveObjects() throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage source = new InMemoryStorage();
    InMemoryStorage target = new InMemoryStorage();
    repos.everyFormat(source, 0);

    ReplicationReport report = Replicator.builder(Repos.FORMATS).build().replicate(source, target);

    assertEquals(List.of("apt", "maven", "pypi"), report.formats());
    assertEquals(List.of(), repos.signedProblems(target, false));
    assertEquals(Repos.liveContent(source), Repos.liveContent(target));
    assertEquals(Repos.liveContent(source).size(), report.copied());
    assertEquals(0, report.skipped());
    assertEquals(2, report.rounds(), "a first run learns the tops, then copies them");
  }

  @Test
  void aSecondRunListsEachSideOnceMarksTheSourceOnceAndWritesNothing() throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage source = new InMemoryStorage();
    InMemoryStorage target = new InMemoryStorage();
    repos.everyFormat(source, 0);
    Replicator replicator = Replicator.builder(Repos.FORMATS).build();
    ReplicationReport first = replicator.replicate(source, target);
    Map<String, byte[]> before = target.snapshot();
    source.resetCounts();
    target.resetCounts();

    ReplicationReport second = replicator.replicate(source, target);

    assertEquals(0, second.copied());
    assertEquals(first.copied(), second.skipped());
    assertEquals(0, second.bytes());
    assertEquals(1, second.rounds());
    assertEquals(0, target.count(Operation.WRITE));
    assertEquals(0, target.count(Operation.DELETE));
    assertEquals(1, target.count(Operation.LIST_PAGE), "the target is listed once");
    assertEquals(snapshotKeys(before), snapshotKeys(target.snapshot()));
    InMemoryStorage marked = new InMemoryStorage();
    repos.everyFormat(marked, 0);
    marked.resetCounts();
    Repos.live(marked);
    assertEquals(
        marked.count(Operation.LIST_PAGE),
        source.count(Operation.LIST_PAGE),
        "the source is listed as often as one mark lists it");
  }

  @Test
  void aRunAfterOnePublishCopiesOnlyWhatThePublishChanged() throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage source = new InMemoryStorage();
    InMemoryStorage target = new InMemoryStorage();
    repos.everyFormat(source, 0);
    Replicator replicator = Replicator.builder(Repos.FORMATS).build();
    replicator.replicate(source, target);
    Map<String, String> liveBefore = Repos.liveContent(source);
    repos.deb(source, "stable", "extra", "2.0");
    Map<String, String> liveAfter = Repos.liveContent(source);
    target.resetCounts();
    List<ObjectKey> written = new ArrayList<>();

    ReplicationReport report = replicator.replicate(source, target, t -> written.add(t.key()));

    Set<String> changed = new TreeSet<>();
    liveAfter.forEach(
        (key, sha) -> {
          if (!sha.equals(liveBefore.get(key))) {
            changed.add(key);
          }
        });
    assertEquals(changed, new TreeSet<>(written.stream().map(ObjectKey::value).toList()));
    assertEquals(changed.size(), report.copied());
    assertEquals(liveAfter.size() - changed.size(), report.skipped());
    assertEquals(changed.size() + 1, target.count(Operation.WRITE), "and the replica record");
    assertEquals(Repos.liveContent(source), Repos.liveContent(target));
    assertEquals(List.of(), Repos.problems(target, false));
  }

  @Test
  void aDryRunReportsWhatARunWouldCopyAndWritesNothing() throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage source = new InMemoryStorage();
    InMemoryStorage target = new InMemoryStorage();
    repos.everyFormat(source, 0);
    List<ObjectKey> wouldCopy = new ArrayList<>();

    ReplicationReport dry =
        Replicator.builder(Repos.FORMATS)
            .dryRun(true)
            .build()
            .replicate(source, target, t -> wouldCopy.add(t.key()));

    assertTrue(target.keys().isEmpty(), target.keys().toString());
    assertTrue(dry.dryRun());
    List<ObjectKey> copied = new ArrayList<>();
    ReplicationReport real =
        Replicator.builder(Repos.FORMATS)
            .build()
            .replicate(source, target, t -> copied.add(t.key()));
    assertEquals(new TreeSet<>(copied), new TreeSet<>(wouldCopy));
    assertEquals(real.copied(), dry.copied());
    assertEquals(real.bytes(), dry.bytes());
  }

  @Test
  void topsAreWrittenAfterEverythingTheyNameAndDeeperTopsFirst() throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage source = new InMemoryStorage();
    InMemoryStorage target = new InMemoryStorage();
    repos.everyFormat(source, 0);
    Map<ObjectKey, LiveObject> live = Repos.live(source);
    List<Transfer> order = new ArrayList<>();

    Replicator.builder(Repos.FORMATS).build().replicate(source, target, order::add);

    Map<LiveObject.Role, Integer> last = new TreeMap<>();
    for (int i = 0; i < order.size(); i++) {
      last.put(live.get(order.get(i).key()).role(), i);
    }
    int firstTop = 0;
    while (live.get(order.get(firstTop).key()).role() != LiveObject.Role.TOP) {
      firstTop++;
    }
    assertTrue(last.get(LiveObject.Role.BLOB) < firstTop, order.toString());
    assertTrue(last.get(LiveObject.Role.DERIVED) < firstTop, order.toString());
    List<Transfer> tops = order.subList(firstTop, order.size());
    for (int i = 1; i < tops.size(); i++) {
      assertTrue(
          tops.get(i - 1).key().segments().size() >= tops.get(i).key().segments().size(),
          tops.toString());
    }
  }

  private static Set<String> snapshotKeys(Map<String, byte[]> snapshot) {
    return new TreeSet<>(snapshot.keySet());
  }
}
