package io.pinrepo.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.debian.PackageRef;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicators, or a replicator and a publisher, on one target: whoever loses stops with one
 * clear line, nobody's state is overwritten, and the target stays consistent.
 */
class ConflictTest {

  @TempDir Path dir;

  @Test
  void aReplicatorThatLosesToAnotherAtAnyOfItsWritesStopsWithOneLineAndTheTargetVerifies()
      throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage older = new InMemoryStorage();
    repos.everyFormat(older, 0);
    InMemoryStorage newer = Repos.copyOf(older);
    repos.everyFormat(newer, 1);
    long writes = writesOfOneRun(older);
    int lost = 0;
    for (long k = 1; k <= writes; k++) {
      InMemoryStorage target = new InMemoryStorage();
      Replicator other = Replicator.builder(Repos.FORMATS).parallelism(1).build();
      HeldWrite held = new HeldWrite(target, k, () -> other.replicate(newer, target));
      Replicator replicator = Replicator.builder(Repos.FORMATS).parallelism(1).build();
      try {
        replicator.replicate(older, held);
      } catch (ReplicationConflictException e) {
        lost++;
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("another replicator or a publisher"), e.getMessage());
        assertEquals(Repos.liveContent(newer), Repos.liveContent(target), "the winner's state");
      }
      assertEquals(List.of(), repos.signedProblems(target, false), "held write " + k);
    }
    assertTrue(lost > 0, "some interleavings make the first replicator lose");
  }

  @Test
  void aPublishIntoTheTargetDuringAReplicationIsNeverOverwritten() throws Exception {
    Repos repos = Repos.in(dir);
    InMemoryStorage source = new InMemoryStorage();
    InMemoryStorage target = new InMemoryStorage();
    repos.everyFormat(source, 0);
    Replicator replicator = Replicator.builder(Repos.FORMATS).build();
    replicator.replicate(source, target);
    repos.everyFormat(source, 1);
    HeldWrite held =
        new HeldWrite(
            target,
            ObjectKey.of("dists/stable/InRelease"),
            () -> repos.deb(target, "stable", "local-only", "9.0"));

    assertThrows(ReplicationConflictException.class, () -> replicator.replicate(source, held));

    List<String> names = repos.apt(target).list("stable").stream().map(PackageRef::name).toList();
    assertTrue(names.contains("local-only"), names.toString());
    // The loser's derived files may be ahead of their tops until a run completes; nothing a top
    // names is missing.
    assertEquals(List.of(), repos.signedProblems(target, true));
  }

  private static long writesOfOneRun(InMemoryStorage source) throws IOException {
    InMemoryStorage counted = new InMemoryStorage();
    Replicator.builder(Repos.FORMATS).parallelism(1).build().replicate(source, counted);
    return counted.count(io.pinrepo.testkit.memory.Operation.WRITE);
  }

  /** Runs something else to completion before the k-th write, or the first write of a key. */
  private static final class HeldWrite extends ForwardingStorage {
    private final long k;
    private final ObjectKey key;
    private final Meanwhile.Action action;
    private final AtomicLong writes = new AtomicLong();
    private boolean done;

    HeldWrite(InMemoryStorage delegate, long k, Meanwhile.Action action) {
      super(delegate);
      this.k = k;
      this.key = null;
      this.action = action;
    }

    HeldWrite(InMemoryStorage delegate, ObjectKey key, Meanwhile.Action action) {
      super(delegate);
      this.k = -1;
      this.key = key;
      this.action = action;
    }

    @Override
    public ObjectInfo write(ObjectKey at, ContentSource content, WriteCondition condition)
        throws IOException {
      long n = writes.incrementAndGet();
      if (!done && (n == k || at.equals(key))) {
        done = true;
        action.run();
      }
      return super.write(at, content, condition);
    }
  }
}
