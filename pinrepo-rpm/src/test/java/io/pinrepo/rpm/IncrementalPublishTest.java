package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.testkit.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a package costs the same storage operations whatever the repository holds: the other
 * packages' files are never read, and the storage is never listed.
 */
class IncrementalPublishTest {
  @TempDir Path dir;

  /** Remembers every key read. */
  static final class ReadLog extends ForwardingStorage {
    final Set<String> read = new ConcurrentSkipListSet<>();

    ReadLog(Storage delegate) {
      super(delegate);
    }

    @Override
    public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
      read.add(key.value());
      return super.read(key, range);
    }
  }

  private Map<Operation, Long> operationsOfOnePublishAfter(int existing, Signer signer)
      throws Exception {
    ManualClock clock = Rpms.clock();
    InMemoryStorage memory = new InMemoryStorage(clock, 100);
    ReadLog log = new ReadLog(memory);
    RpmRepository repo = RpmRepository.builder(log).clock(clock).signer(signer).build();
    Rpms rpms = new Rpms(dir.resolve("n" + existing));
    List<Path> batch = new ArrayList<>();
    for (int i = 0; i < existing; i++) {
      batch.add(rpms.rpm("pkg" + i, "1.0", i % 10 == 0 ? "noarch" : "x86_64"));
    }
    repo.publish(RpmRepositoryTest.PATH, batch);
    repo.publish(RpmRepositoryTest.PATH, List.of(rpms.rpm("pkg1", "1.1", "x86_64")));
    Path newcomer = rpms.rpm("newcomer", "2.0", "x86_64");
    memory.resetCounts();
    log.read.clear();
    repo.publish(RpmRepositoryTest.PATH, List.of(newcomer));
    Map<Operation, Long> counts = new EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      counts.put(op, memory.count(op));
    }
    assertTrue(
        log.read.stream().noneMatch(k -> k.contains("/Packages/")),
        "read package files: " + log.read);
    assertEquals(existing + 2, repo.list(RpmRepositoryTest.PATH).size());
    assertEquals(List.of(), Rpms.verify(memory));
    return counts;
  }

  @Test
  void storageOperationsPerPublishDoNotGrowWithTheRepository() throws Exception {
    Signer signer =
        PgpSigner.load(
            new ByteArrayInputStream(
                PgpKeyGenerator.generate("t <t@example.org>", Rpms.clock())
                    .armoredSecretKey()
                    .getBytes(StandardCharsets.US_ASCII)),
            "test key",
            new char[0],
            Rpms.clock());
    Map<Operation, Long> small = operationsOfOnePublishAfter(10, signer);
    Map<Operation, Long> large = operationsOfOnePublishAfter(1000, signer);
    assertEquals(small, large);
    assertEquals(0L, large.get(Operation.LIST_PAGE), "a publish never lists");
    assertTrue(large.get(Operation.ANY) < 30, large::toString);
    System.out.println("storage operations of one signed RPM publish, at 10 and 1000: " + large);
  }
}
