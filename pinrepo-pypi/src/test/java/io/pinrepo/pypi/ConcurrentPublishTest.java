package io.pinrepo.pypi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.commit.Top;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.simple.ProjectFile;
import io.pinrepo.pypi.simple.SimpleHtml;
import io.pinrepo.pypi.simple.SimpleJson;
import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishers racing on the same projects all land, through conditional writes and retries. */
class ConcurrentPublishTest {

  private static final int PUBLISHERS = 6;
  private static final int FILES_EACH = 4;

  @TempDir Path dir;

  @Test
  void everyConcurrentPublishLandsInMemory() throws Exception {
    try (Storage storage = new InMemoryStorage()) {
      raceInto(storage);
    }
  }

  @Test
  void everyConcurrentPublishLandsOnAFileSystem() throws Exception {
    try (Storage storage = FileSystemStorage.open(dir.resolve("repo"))) {
      raceInto(storage);
    }
  }

  private void raceInto(Storage storage) throws Exception {
    List<List<Path>> work = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    for (int p = 0; p < PUBLISHERS; p++) {
      List<Path> mine = new ArrayList<>();
      for (int f = 0; f < FILES_EACH; f++) {
        // two shared projects everyone writes to, plus one of its own
        String project = f % 2 == 0 ? "shared-" + (f / 2) : "own-" + p;
        Path whl = WheelBuilder.of(project, p + "." + f).writeTo(dir.resolve("in-" + p));
        mine.add(whl);
        expected.add(whl.getFileName().toString());
      }
      work.add(mine);
    }
    RetryPolicy fast = new RetryPolicy(200, Duration.ofNanos(1000), Duration.ofMillis(2));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(PUBLISHERS);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (List<Path> mine : work) {
        PypiRepository repo = PypiRepository.builder(storage).retryPolicy(fast).build();
        Callable<Void> task =
            () -> {
              start.await();
              for (Path f : mine) {
                repo.publish(f);
              }
              return null;
            };
        done.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Void> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    PypiRepository repo = PypiRepository.on(storage);
    Set<String> listed = new TreeSet<>();
    for (ProjectName project : repo.projects()) {
      for (ProjectFile f : repo.read(project).orElseThrow().files()) {
        listed.add(f.fileName());
      }
      byte[] json = Top.read(storage, SimpleLayout.projectJson(project), 1 << 20).bytes();
      byte[] html = Top.read(storage, SimpleLayout.projectHtml(project), 1 << 20).bytes();
      assertArrayEquals(SimpleHtml.render(SimpleJson.parse(json)), html, project.value());
    }
    assertEquals(expected, listed);
    assertEquals(2 + PUBLISHERS, repo.projects().size());
    List<Problem> problems = new ArrayList<>();
    new PypiFormat().verify(storage, VerifyContext.unsigned(), problems::add);
    assertEquals(List.of(), problems);
  }
}
