package io.pinrepo.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.Problem;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate JVMs publish into the same apt distribution, PyPI project and Maven GA at once, on one
 * directory and on the S3 server in the test JVM: every publish a process reported is listed at the
 * end, a reader meanwhile never sees an entry without its file, and verify is clean.
 */
class CrossProcessPublishTest {
  private static final int PUBLISHERS = 4;
  private static final int EACH = 5;

  @TempDir Path dir;

  /** Opens the shared repository for the reader and the final check. */
  interface Opener {
    Storage open() throws IOException;
  }

  @Test
  void everyReportedPublishFromEveryProcessIsListed() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    run("filesystem", repo.toString(), List.of(), () -> FileSystemStorage.open(repo));
  }

  @Test
  void everyReportedPublishFromEveryProcessIsListedOnS3() throws Exception {
    try (S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"))) {
      run(
          "s3",
          "s3://" + S3ProxyFixture.BUCKET + "/stress",
          List.of("-Dstress.s3.endpoint=" + s3.endpoint()),
          () -> s3.storage("stress").build());
    }
  }

  void run(String backend, String repo, List<String> jvmOptions, Opener opener) throws Exception {
    List<PublisherProcess> publishers = new ArrayList<>();
    for (int id = 0; id < PUBLISHERS; id++) {
      publishers.add(PublisherProcess.start(repo, jvmOptions, Integer.toString(id), EACH, dir));
    }
    // A reader meanwhile: every index entry names a file that is there with its hashes; the only
    // thing it may find is a legacy or derived file a commit has not reached yet.
    int reads = 0;
    int lagging = 0;
    publishers.get(0).awaitLines(2); // "ready" and a first publish: there is something to read
    try (Storage reader = opener.open()) {
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
    try (Storage storage = opener.open()) {
      Set<String> listed = Repo.listed(storage);
      Set<String> lost = new TreeSet<>(reported);
      lost.removeAll(listed);
      assertEquals(Set.of(), lost, "reported but not listed");
      assertEquals(List.of(), Repo.verify(storage));
      System.out.printf(
          "cross-process on %s: publishers %d, publishes %d (apt+pypi+maven), conflicts retried %d,"
              + " lost %d; reader verifies meanwhile %d, legacy or derived files seen behind"
              + " their commit %d%n",
          backend, PUBLISHERS, reported.size(), conflicts, lost.size(), reads, lagging);
    }
  }
}
