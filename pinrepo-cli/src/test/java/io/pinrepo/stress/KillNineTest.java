package io.pinrepo.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.Problem;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.testkit.clients.AptRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing processes killed with SIGKILL at random moments leave a repository that verify finds
 * clean and the real apt-get reads without a warning; the killed publishes, run again, succeed.
 */
class KillNineTest {
  private static final int ROUNDS = 3;
  private static final int PUBLISHERS = 3;
  private static final int EACH = 3;

  @TempDir Path dir;

  @Test
  void killedPublishersLeaveAReadableRepositoryAndTheirPublishesCanBeRepeated() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Set<String> expected = new TreeSet<>();
    int killed = 0;
    int lagging = 0;
    for (int round = 0; round < ROUNDS; round++) {
      List<PublisherProcess> publishers = new ArrayList<>();
      for (int j = 0; j < PUBLISHERS; j++) {
        publishers.add(PublisherProcess.start(repo, round * PUBLISHERS + j, EACH, dir));
      }
      for (PublisherProcess p : publishers) {
        // A random moment: after "ready" and some publishes, plus a short random delay.
        if (p.awaitLines(1 + random.nextInt(EACH * 3 - 1))) {
          Thread.sleep(random.nextInt(40));
          p.kill();
        }
      }
      for (PublisherProcess p : publishers) {
        p.await();
        killed += p.finished() ? 0 : 1;
        expected.addAll(p.succeeded());
      }
      String when = "round " + round + " (seed " + seed + ")";
      lagging += assertReadable(repo, dir.resolve("apt-" + round + "-killed"), expected, when);

      String ids = String.join(",", publishers.stream().map(PublisherProcess::id).toList());
      PublisherProcess again = PublisherProcess.start(repo, ids, EACH, dir);
      assertEquals(0, again.await(), when + ": repeated " + again);
      assertTrue(again.finished(), again.toString());
      assertEquals(PUBLISHERS * EACH * 3, again.succeeded().size(), again.toString());
      expected.addAll(again.succeeded());
      assertEquals(
          0,
          assertReadable(
              repo, dir.resolve("apt-" + round + "-again"), expected, when + " repeated"));
    }
    assertEquals(ROUNDS * PUBLISHERS * EACH * 3, expected.size());
    System.out.printf(
        "kill -9: rounds %d, publishers %d, killed mid-run %d, publishes %d, lost 0,"
            + " legacy or derived files left behind the commit by a kill %d, seed %d%n",
        ROUNDS, ROUNDS * PUBLISHERS, killed, expected.size(), lagging, seed);
  }

  /**
   * Asserts that verify is clean, every reported publish is listed, the HTML page lists every
   * reported wheel and apt-get reads the repository without a warning. Returns how many files
   * verify found behind their commit point (see {@link Repo#isBehindItsCommit}), the only problem
   * tolerated.
   */
  private static int assertReadable(Path repo, Path aptRoot, Set<String> expected, String when)
      throws Exception {
    int lagging;
    try (FileSystemStorage storage = FileSystemStorage.open(repo)) {
      List<Problem> problems = new ArrayList<>(Repo.verify(storage));
      int before = problems.size();
      problems.removeIf(Repo::isBehindItsCommit);
      lagging = before - problems.size();
      assertEquals(List.of(), problems, when);
      Set<String> lost = new TreeSet<>(expected);
      lost.removeAll(Repo.listed(storage));
      assertEquals(Set.of(), lost, when + ": reported but not listed");
      String html = Repo.text(storage, "simple/" + StressPublisher.PROJECT + "/index.html");
      for (String publish : expected) {
        if (publish.startsWith("pypi ")) {
          String file = StressPublisher.PROJECT + "-" + publish.substring(5) + "-";
          assertTrue(html.contains(file), when + ": the HTML page lacks " + file);
        }
      }
    }
    if (!Files.exists(repo.resolve("dists"))) {
      return lagging; // killed before the first apt commit
    }
    AptRoot apt =
        AptRoot.create(
            aptRoot,
            "deb [arch=amd64 trusted=yes] file:" + repo + " " + StressPublisher.DIST + " main",
            "amd64");
    assertEquals(List.of(), AptRoot.problems(apt.update()), when + ": apt-get update");
    // apt-get would install at least each publisher's newest reported .deb: a killed publisher
    // may have committed one more than it lived to report, never fewer.
    Map<String, Integer> newest = new TreeMap<>();
    for (String publish : expected) {
      if (publish.startsWith("apt ")) {
        String[] idAndI = publish.substring(4).split("\\.");
        newest.merge("p" + idAndI[0], Integer.parseInt(idAndI[1]), Math::max);
      }
    }
    for (Map.Entry<String, Integer> e : newest.entrySet()) {
      String candidate = apt.candidate(e.getKey());
      assertTrue(
          candidate.startsWith("1.") && Integer.parseInt(candidate.substring(2)) >= e.getValue(),
          when + ": " + e.getKey() + " candidate " + candidate + ", reported 1." + e.getValue());
    }
    return lagging;
  }
}
