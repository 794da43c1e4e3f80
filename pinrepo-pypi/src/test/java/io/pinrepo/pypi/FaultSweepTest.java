package io.pinrepo.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.format.Problem;
import io.pinrepo.format.Retention;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.version.Pep440Version;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.memory.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault at every storage operation of a publish, a yank and a delete, one k at a time: afterwards
 * verify finds nothing but a derived page behind its top, the operation run again completes (a
 * repeated delete is refused but repairs the page), and verify is clean.
 */
class FaultSweepTest {
  private static final ProjectName DEMO = ProjectName.of("demo");
  private static final Pep440Version V1 = Pep440Version.parse("1.0");

  @TempDir Path dir;

  /** An operation on a repository that the set-up prepared. */
  @FunctionalInterface
  interface Act {
    void run(PypiRepository repo) throws IOException;
  }

  private PypiRepository repo(InMemoryStorage storage) {
    return PypiRepository.builder(storage)
        .clock(PypiRepositoryTest.CLOCK)
        .retention(Retention.keepNewest(2))
        .build();
  }

  private void setUp(InMemoryStorage storage) throws IOException {
    repo(storage).publish(WheelBuilder.of("demo", "1.0").writeTo(dir.resolve("a")));
    repo(storage).publish(WheelBuilder.of("demo", "1.1").writeTo(dir.resolve("b")));
  }

  @Test
  void aPublishThatPrunesSurvivesAFaultAtEveryOperation() throws Exception {
    Path wheel = WheelBuilder.of("demo", "2.0").writeTo(dir.resolve("c"));
    int k = sweep(repo -> repo.publish(wheel), repo -> repo.publish(wheel));
    assertTrue(k > 5, "the publish took " + k + " operations");
  }

  @Test
  void aPublishOfANewProjectSurvivesAFaultAtEveryOperation() throws Exception {
    Path wheel = WheelBuilder.of("newcomer", "1.0").writeTo(dir.resolve("c"));
    sweep(repo -> repo.publish(wheel), repo -> repo.publish(wheel));
  }

  @Test
  void aYankSurvivesAFaultAtEveryOperation() throws Exception {
    Act yank = repo -> repo.yank(DEMO, V1, "broken");
    sweep(yank, yank);
  }

  @Test
  void aDeleteSurvivesAFaultAtEveryOperation() throws Exception {
    sweep(
        repo -> repo.deleteVersion(DEMO, V1),
        repo -> {
          try {
            repo.deleteVersion(DEMO, V1);
          } catch (UnknownReleaseException committedBeforeTheFault) {
            // refused, and the refusal brought the HTML page up to the committed state
          }
        });
  }

  /** Returns how many operations the clean run took. */
  private int sweep(Act act, Act retry) throws IOException {
    for (int k = 1; ; k++) {
      InMemoryStorage storage = new InMemoryStorage(PypiRepositoryTest.CLOCK, 50);
      setUp(storage);
      storage.failOn(Operation.ANY, k);
      boolean crashed = false;
      try {
        act.run(repo(storage));
      } catch (InjectedFaultException e) {
        crashed = true;
      }
      storage.clearFault();
      List<Problem> problems = verify(storage);
      problems.removeIf(p -> p.description().startsWith("does not match"));
      assertEquals(List.of(), problems, "fault at operation " + k);
      if (!crashed) {
        assertEquals(List.of(), verify(storage), "clean run");
        return k - 1;
      }
      retry.run(repo(storage));
      assertEquals(List.of(), verify(storage), "fault at operation " + k + ", retried");
      assertEquals(0, storage.openStreams(), "fault at operation " + k);
    }
  }

  private static List<Problem> verify(InMemoryStorage storage) throws IOException {
    List<Problem> problems = new ArrayList<>();
    new PypiFormat().verify(storage, VerifyContext.unsigned(), problems::add);
    return problems;
  }
}
