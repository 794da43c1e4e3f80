package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A publish's storage operations do not grow with what the distribution already holds. */
class IncrementalPublishTest {

  private static Map<Operation, Long> operationsOfOnePublishAfter(int existing) throws Exception {
    InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 100);
    AptRepository repo = AptRepository.builder(storage).clock(Repos.CLOCK).build();
    List<ContentSource> batch = new ArrayList<>();
    for (int i = 0; i < existing; i++) {
      batch.add(Repos.deb("pkg" + i, "1.0", i % 10 == 0 ? "all" : "amd64"));
    }
    repo.publishSources("stable", "main", batch);
    repo.publishSources("stable", "contrib", List.of(Repos.deb("other", "1", "amd64")));
    storage.resetCounts();
    repo.publishSources(
        "stable",
        "main",
        List.of(Repos.deb("newcomer", "2.0", "amd64"), Repos.deb("doc", "1", "all")));
    Map<Operation, Long> counts = new EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      counts.put(op, storage.count(op));
    }
    assertEquals(existing + 3, repo.list("stable").size());
    Repos.assertConsistent(storage, "stable");
    return counts;
  }

  @Test
  void storageOperationsPerPublishDoNotGrowWithTheDistribution() throws Exception {
    Map<Operation, Long> small = operationsOfOnePublishAfter(10);
    Map<Operation, Long> large = operationsOfOnePublishAfter(2000);
    assertEquals(small, large);
    assertEquals(0L, large.get(Operation.LIST_PAGE), "a publish never lists");
    assertTrue(large.get(Operation.ANY) < 40, large::toString);
    System.out.println("storage operations of one publish: " + large);
  }
}
