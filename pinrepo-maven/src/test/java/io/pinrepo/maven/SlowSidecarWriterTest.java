package io.pinrepo.maven;

import static io.pinrepo.maven.Fixtures.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.faults.DiesAfterWrite;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A deploy that commits its metadata, then writes a checksum sidecar late (after a newer deploy has
 * committed, written and checked its own) and dies right after that write, must not leave the
 * sidecar disagreeing with the metadata of the newer deploy, which reported success. Nor must a
 * deploy that commits nothing and only repairs a stale sidecar.
 */
class SlowSidecarWriterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void aLateArtifactMetadataChecksumThatDiesNeverContradictsANewerDeploy() throws Exception {
    String metadata = "com/example/demo/maven-metadata.xml";
    slowWriterDiesAfter(metadata + ".md5", metadata, "1.1", "1.2");
  }

  @Test
  void aLateSnapshotMetadataChecksumThatDiesNeverContradictsANewerDeploy() throws Exception {
    String metadata = "com/example/demo/2.0-SNAPSHOT/maven-metadata.xml";
    slowWriterDiesAfter(metadata + ".sha1", metadata, "2.0-SNAPSHOT", "2.0-SNAPSHOT");
  }

  @Test
  void aLateRepairOfAStaleChecksumThatDiesNeverContradictsANewerDeploy() throws Exception {
    String metadata = "com/example/demo/maven-metadata.xml";
    // A crashed deploy left .md5 stale; deploying 1.0 again changes no metadata but repairs it.
    slowWriterDiesAfter(metadata + ".md5", metadata, "1.0", "1.2", metadata + ".md5");
  }

  private static void slowWriterDiesAfter(
      String held, String metadata, String slowVersion, String fastVersion, String... stale)
      throws Exception {
    InMemoryStorage memory = new InMemoryStorage(CLOCK, 100);
    MavenRepository fast = MavenRepository.builder(memory).clock(CLOCK).build();
    fast.deploy(deployment("com.example", "demo", "1.0", "first"));
    for (String key : stale) {
      memory.write(ObjectKey.of(key), ContentSource.ofUtf8("stale"), WriteCondition.none());
    }
    Storage slowStorage =
        new DiesAfterWrite(
            memory,
            ObjectKey.of(held),
            () -> fast.deploy(deployment("com.example", "demo", fastVersion, "fast")));
    MavenRepository slow = MavenRepository.builder(slowStorage).clock(CLOCK).build();
    assertThrows(
        IOException.class,
        () -> slow.deploy(deployment("com.example", "demo", slowVersion, "first")));

    byte[] bytes = memory.peek(ObjectKey.of(metadata)).orElseThrow();
    Digests digests = Digests.of(bytes);
    for (HashAlgorithm a : HashAlgorithm.values()) {
      ObjectKey sidecar = ObjectKey.of(metadata + Sidecars.suffix(a));
      String text = new String(memory.peek(sidecar).orElseThrow(), StandardCharsets.UTF_8).trim();
      assertEquals(
          digests.hex(a), text, sidecar + " of\n" + new String(bytes, StandardCharsets.UTF_8));
    }
    String xml = new String(bytes, StandardCharsets.UTF_8);
    if (!fastVersion.equals(slowVersion)) {
      assertTrue(xml.contains(fastVersion) && xml.contains(slowVersion), xml);
    }
  }
}
