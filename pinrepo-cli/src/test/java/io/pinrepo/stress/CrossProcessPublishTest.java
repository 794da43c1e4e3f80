package io.pinrepo.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.verify.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate JVMs publish into the same apt distribution, PyPI project and Maven GA on one directory
 * at once: every publish a process reported is listed at the end, and verify is clean.
 */
class CrossProcessPublishTest {
  private static final int PUBLISHERS = 4;
  private static final int EACH = 5;

  @TempDir Path dir;

  @Test
  void everyReportedPublishFromEveryProcessIsListed() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    List<PublisherProcess> publishers = new ArrayList<>();
    for (int id = 0; id < PUBLISHERS; id++) {
      publishers.add(PublisherProcess.start(repo, id, EACH, dir));
    }
    // A reader meanwhile: every index entry names a file that is there with its hashes; the only
    // thing it may find is a legacy or derived file a commit has not reached yet.
    int reads = 0;
    int lagging = 0;
    publishers.get(0).awaitLines(2); // "ready" and a first publish: there is something to read
    try (FileSystemStorage reader = FileSystemStorage.open(repo)) {
      while (publishers.stream().anyMatch(PublisherProcess::alive)) {
        List<Problem> problems = new ArrayList<>(Repo.verify(reader));
        int before = problems.size();
        problems.removeIf(Repo::isBehindItsCommit);
        lagging += before - problems.size();
        assertEquals(List.of(), problems, "a reader during the publishes");
        reads++;
      }
    }
    Set<String> reported = new TreeSet<>();
    long conflicts = 0;
    for (PublisherProcess p : publishers) {
      assertEquals(0, p.await(), p.toString());
      assertTrue(p.finished(), p.toString());
      reported.addAll(p.succeeded());
      conflicts += p.conflicts();
    }
    assertEquals(PUBLISHERS * EACH * 3, reported.size());
    try (FileSystemStorage storage = FileSystemStorage.open(repo)) {
      Set<String> listed = Repo.listed(storage);
      Set<String> lost = new TreeSet<>(reported);
      lost.removeAll(listed);
      assertEquals(Set.of(), lost, "reported but not listed");
      assertEquals(List.of(), Repo.verify(storage));
      System.out.printf(
          "cross-process: publishers %d, publishes %d (apt+pypi+maven), conflicts retried %d,"
              + " lost %d; reader verifies meanwhile %d, legacy or derived files seen behind"
              + " their commit %d%n",
          PUBLISHERS, reported.size(), conflicts, lost.size(), reads, lagging);
    }
  }
}
