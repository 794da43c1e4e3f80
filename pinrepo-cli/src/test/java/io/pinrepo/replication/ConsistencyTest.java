package io.pinrepo.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.memory.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replication stays consistent whatever happens while it runs: a publisher committing to the
 * source at any one of the run's storage operations, or the run dying at any one of its operations
 * on the target. The target is never torn, and the next run completes it.
 */
class ConsistencyTest {

  @TempDir Path dir;

  @Test
  void aPublishAtAnyPointOfTheRunLeavesAConsistentTargetThatTheNextRunBringsUpToDate()
      throws Exception {
    Repos repos = Repos.in(dir);
    long operations = operationsOfOneRun(repos);
    int rerounds = 0;
    InMemoryStorage original = new InMemoryStorage();
    repos.everyFormat(original, 0);
    long step = Math.max(1, operations / 120); // about 120 points, spread over every phase
    for (long at = 1; at <= operations; at += step) {
      InMemoryStorage source = Repos.copyOf(original);
      InMemoryStorage target = new InMemoryStorage();
      int which = (int) (at % 3);
      Meanwhile racing = new Meanwhile(source, at, () -> publishOne(repos, source, which));
      Replicator replicator = Replicator.builder(Repos.FORMATS).build();

      ReplicationReport report = replicator.replicate(racing, target);

      String when = "publish " + which + " at operation " + at + " of " + operations;
      assertEquals(List.of(), repos.signedProblems(target, false), when);
      rerounds += report.rounds() > 2 ? 1 : 0;
      replicator.replicate(source, target);
      assertEquals(Repos.liveContent(source), Repos.liveContent(target), when);
    }
    assertTrue(rerounds > 0, "some publishes moved a top the run had statted");
    System.out.printf(
        "publish during replication: %d source operations, step %d, %d runs took an extra round%n",
        operations, step, rerounds);
  }

  @Test
  void aRunThatDiesAtAnyTargetOperationLeavesNoTornTargetAndARerunCompletesIt() throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage source = new InMemoryStorage();
    repos.everyFormat(source, 0);
    InMemoryStorage counted = new InMemoryStorage();
    Replicator.builder(Repos.FORMATS).parallelism(1).build().replicate(source, counted);
    long operations = counted.count(Operation.ANY);
    for (long k = 1; k <= operations; k++) {
      InMemoryStorage target = new InMemoryStorage();
      Replicator replicator = Replicator.builder(Repos.FORMATS).parallelism(1).build();
      target.failOn(Operation.ANY, k);

      assertThrows(InjectedFaultException.class, () -> replicator.replicate(source, target));

      String when = "died at target operation " + k + " of " + operations;
      assertEquals(List.of(), repos.signedProblems(target, true), when);
      replicator.replicate(source, target);
      assertEquals(List.of(), repos.signedProblems(target, false), when);
      assertEquals(Repos.liveContent(source), Repos.liveContent(target), when);
    }
  }

  @Test
  void aSecondRunAfterAPartialCopyWithALaterPublishAlsoEndsConsistent() throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage source = new InMemoryStorage();
    InMemoryStorage target = new InMemoryStorage();
    repos.everyFormat(source, 0);
    Replicator replicator = Replicator.builder(Repos.FORMATS).parallelism(1).build();
    target.failOn(Operation.WRITE, 7);
    assertThrows(InjectedFaultException.class, () -> replicator.replicate(source, target));
    repos.everyFormat(source, 1);

    replicator.replicate(source, target);

    assertEquals(List.of(), repos.signedProblems(target, false));
    assertEquals(Repos.liveContent(source), Repos.liveContent(target));
  }

  private static long operationsOfOneRun(Repos repos) throws IOException {
    InMemoryStorage source = new InMemoryStorage();
    repos.everyFormat(source, 0);
    Meanwhile counting = new Meanwhile(source, -1, () -> {});
    Replicator.builder(Repos.FORMATS).build().replicate(counting, new InMemoryStorage());
    return counting.operations();
  }

  private static void publishOne(Repos repos, InMemoryStorage source, int which)
      throws IOException {
    switch (which) {
      case 0 -> repos.deb(source, "stable", "racer", "2.0");
      case 1 -> repos.jar(source, "com.example", "racer", "2.0");
      default -> repos.wheel(source, "racer", "2.0");
    }
  }
}
