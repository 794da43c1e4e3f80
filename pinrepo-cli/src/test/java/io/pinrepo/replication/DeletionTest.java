package io.pinrepo.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.debian.AptRepository;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.format.Retention;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With deletion on, what the source no longer reaches leaves the target only once the new tops are
 * in place and the grace period since it was first found unreachable is over.
 */
class DeletionTest {

  @TempDir Path dir;

  @Test
  void whatTheSourceNoLongerReachesIsDeletedOnlyAfterItsGracePeriod() throws Exception {
    InMemoryStorage source = new InMemoryStorage();
    InMemoryStorage target = new InMemoryStorage();
    AptRepository apt =
        AptRepository.builder(source)
            .retention(Retention.replaceOlder())
            .byHashRetention(Duration.ZERO)
            .build();
    apt.publish("stable", "main", List.of(deb("hello", "1.0")));
    ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    Replicator replicator =
        Replicator.builder(Repos.FORMATS)
            .clock(clock)
            .deleteUnreachable(Duration.ofHours(1))
            .build();
    replicator.replicate(source, target);
    Set<ObjectKey> before = new TreeSet<>(target.keys());
    apt.publish("stable", "main", List.of(deb("hello", "1.1")));
    ObjectKey oldPool = ObjectKey.of("pool/main/h/hello/hello_1.0_amd64.deb");

    ReplicationReport first = replicator.replicate(source, target);
    clock.advance(Duration.ofMinutes(59));
    ReplicationReport second = replicator.replicate(source, target);

    assertEquals(0, first.deleted());
    assertEquals(0, second.deleted());
    assertTrue(first.awaitingDeletion() > 0, first.toString());
    assertEquals(first.awaitingDeletion(), second.awaitingDeletion());
    assertTrue(target.peek(oldPool).isPresent(), "a reader of the old InRelease may fetch it");
    String record =
        new String(target.peek(ReplicaRecord.OBJECT).orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(record.contains("unreachable 1893456000 " + oldPool), record);

    clock.advance(Duration.ofMinutes(1));
    ReplicationReport third = replicator.replicate(source, target);

    assertEquals(first.awaitingDeletion(), third.deleted());
    assertEquals(0, third.awaitingDeletion());
    assertFalse(target.peek(oldPool).isPresent());
    Set<ObjectKey> gone = new TreeSet<>(before);
    gone.removeAll(target.keys());
    assertTrue(gone.contains(oldPool), gone.toString());
    assertEquals(List.of(), Repos.problems(target, false));
    assertEquals(Repos.liveContent(source), Repos.liveContent(target));
    assertFalse(
        new String(target.peek(ReplicaRecord.OBJECT).orElseThrow(), StandardCharsets.UTF_8)
            .contains("unreachable"));
  }

  @Test
  void aDryRunReportsWhatWouldBeDeletedAndDeletesNothing() throws Exception {
    InMemoryStorage source = new InMemoryStorage();
    InMemoryStorage target = new InMemoryStorage();
    AptRepository apt =
        AptRepository.builder(source)
            .retention(Retention.replaceOlder())
            .byHashRetention(Duration.ZERO)
            .build();
    apt.publish("stable", "main", List.of(deb("hello", "1.0")));
    Replicator.builder(Repos.FORMATS).build().replicate(source, target);
    apt.publish("stable", "main", List.of(deb("hello", "1.1")));
    Replicator.builder(Repos.FORMATS).build().replicate(source, target);
    var before = target.snapshot().keySet();

    ReplicationReport dry =
        Replicator.builder(Repos.FORMATS)
            .deleteUnreachable(Duration.ZERO)
            .dryRun(true)
            .build()
            .replicate(source, target);

    assertTrue(dry.deleted() > 0, dry.toString());
    assertEquals(before, target.snapshot().keySet());
  }

  private Path deb(String name, String version) throws Exception {
    return DebBuilder.of(name, version, "amd64")
        .writeTo(Files.createDirectories(dir.resolve(name + "-" + version)));
  }
}
