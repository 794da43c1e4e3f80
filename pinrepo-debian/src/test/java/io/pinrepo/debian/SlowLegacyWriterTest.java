package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.clients.Gpg;
import io.pinrepo.testkit.faults.DiesAfterWrite;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publisher that commits, then writes a legacy file late (after a newer publisher has committed,
 * written and checked its own) and dies right after that write, must not leave the legacy file
 * older than the newer publisher's commit: the newer publisher reported success.
 */
class SlowLegacyWriterTest {
  @TempDir Path tmp;

  @Test
  void aLateIndexWriteThatDiesNeverHidesANewerReportedPublish() throws Exception {
    slowWriterDiesAfter("dists/stable/main/binary-amd64/Packages", Optional.empty());
  }

  @Test
  void aLateReleaseWriteThatDiesNeverLeavesAnOlderRelease() throws Exception {
    try (Gpg key = Gpg.generate(tmp, "ed25519")) {
      slowWriterDiesAfter(
          "dists/stable/Release",
          Optional.of(
              PgpSigner.load(key.secretKeyFile(), key.passphrase().toCharArray(), Repos.CLOCK)));
    }
  }

  private static void slowWriterDiesAfter(String held, Optional<Signer> signer) throws Exception {
    InMemoryStorage memory = new InMemoryStorage(Repos.CLOCK, 1000);
    AptRepository fast = repository(memory, signer);
    fast.publishSources("stable", "main", List.of(Repos.deb("first", "1", "amd64")));
    Storage slowStorage =
        new DiesAfterWrite(
            memory,
            ObjectKey.of(held),
            () -> fast.publishSources("stable", "main", List.of(Repos.deb("fast", "1", "amd64"))));
    AptRepository slow = repository(slowStorage, signer);
    assertThrows(
        IOException.class,
        () -> slow.publishSources("stable", "main", List.of(Repos.deb("slow", "1", "amd64"))));

    assertEquals(3, fast.list("stable").size());
    Repos.assertConsistent(memory, "stable", true);
    if (signer.isPresent()) {
      String inRelease = Repos.text(memory, "dists/stable/InRelease");
      assertEquals(
          ClearSigned.content(inRelease, "InRelease"),
          Repos.text(memory, "dists/stable/Release"),
          "Release follows InRelease");
    }
  }

  private static AptRepository repository(Storage storage, Optional<Signer> signer) {
    AptRepository.Builder builder = AptRepository.builder(storage).clock(Repos.CLOCK);
    signer.ifPresent(builder::signer);
    return builder.build();
  }
}
