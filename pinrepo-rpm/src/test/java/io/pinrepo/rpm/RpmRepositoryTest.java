package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.ChangeReport;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing, listing and removing, in memory. */
class RpmRepositoryTest {
  @TempDir Path dir;

  final ManualClock clock = Rpms.clock();
  final InMemoryStorage storage = new InMemoryStorage(clock, 100);
  final RpmRepository repo = RpmRepository.builder(storage).clock(clock).build();

  @Test
  void publishesIntoPackagesAndContentAddressedRepodata() throws Exception {
    Rpms rpms = new Rpms(dir);
    ChangeReport<RpmRef> report =
        repo.publish("el9/x86_64", List.of(rpms.rpm("hello", "1.0", "x86_64")));
    assertTrue(report.committed());
    assertEquals(
        List.of("hello-1.0-1.x86_64"), report.added().stream().map(RpmRef::toString).toList());
    List<String> keys = storage.keys().stream().map(ObjectKey::value).toList();
    assertTrue(keys.contains("el9/x86_64/Packages/h/hello-1.0-1.x86_64.rpm"), keys.toString());
    assertTrue(keys.contains("el9/x86_64/repodata/repomd.xml"), keys.toString());
    assertTrue(
        keys.stream()
            .anyMatch(k -> k.matches("el9/x86_64/repodata/[0-9a-f]{64}-primary\\.xml\\.gz")),
        keys.toString());
    assertEquals(List.of(), Rpms.verify(storage));
    assertEquals(report.added(), repo.list("el9/x86_64"));
    assertFalse(
        repo.publish("el9/x86_64", List.of(rpms.rpm("hello", "1.0", "x86_64"))).committed());
  }
}
