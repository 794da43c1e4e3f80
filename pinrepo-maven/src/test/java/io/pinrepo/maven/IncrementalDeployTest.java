package io.pinrepo.maven;

import static io.pinrepo.maven.Fixtures.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Storage operations per deploy do not grow with what the repository already holds. */
class IncrementalDeployTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T01:02:03Z"), ZoneOffset.UTC);

  @Test
  void releaseDeployCostsTheSameAfterFiveOrSixtyVersions() throws IOException {
    Map<Operation, Long> large = releaseCostAfter(60);
    assertEquals(releaseCostAfter(5), large);
    System.out.println("storage operations of one release deploy: " + large);
  }

  @Test
  void snapshotDeployCostsTheSameAfterThreeOrFortyBuilds() throws IOException {
    Map<Operation, Long> large = snapshotCostAfter(40, 0);
    assertEquals(snapshotCostAfter(3, 0), large);
    System.out.println("storage operations of one snapshot deploy: " + large);
  }

  @Test
  void snapshotDeployWithRetentionCostsTheSameAfterFiveOrFortyBuilds() throws IOException {
    assertEquals(snapshotCostAfter(5, 3), snapshotCostAfter(40, 3));
  }

  private static Map<Operation, Long> releaseCostAfter(int versions) throws IOException {
    InMemoryStorage storage = new InMemoryStorage(CLOCK, 100);
    MavenRepository deployer = MavenRepository.builder(storage).clock(CLOCK).build();
    for (int i = 0; i < versions; i++) {
      deployer.deploy(deployment("com.example", "demo", "1." + i, "v" + i));
    }
    storage.resetCounts();
    deployer.deploy(deployment("com.example", "demo", "9.0", "new"));
    return counts(storage);
  }

  private static Map<Operation, Long> snapshotCostAfter(int builds, int keep) throws IOException {
    InMemoryStorage storage = new InMemoryStorage(CLOCK, 100);
    MavenRepository deployer =
        MavenRepository.builder(storage).clock(CLOCK).retention(Fixtures.keeping(keep)).build();
    for (int i = 0; i < builds; i++) {
      deployer.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "b" + i));
    }
    storage.resetCounts();
    deployer.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "new"));
    return counts(storage);
  }

  private static Map<Operation, Long> counts(InMemoryStorage storage) {
    Map<Operation, Long> counts = new EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      if (op != Operation.ANY) {
        counts.put(op, storage.count(op));
      }
    }
    return counts;
  }
}
