package io.pinrepo.maven;

import static io.pinrepo.maven.Fixtures.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A deploy that commits its metadata, then writes a checksum sidecar late (after a newer deploy has
 * committed, written and checked its own) and dies right after that write, must not leave the
 * sidecar disagreeing with the metadata of the newer deploy, which reported success.
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

  private static void slowWriterDiesAfter(
      String held, String metadata, String slowVersion, String fastVersion) throws Exception {
    InMemoryStorage memory = new InMemoryStorage(CLOCK, 100);
    MavenDeployer fast = MavenDeployer.builder(memory).clock(CLOCK).build();
    fast.deploy(deployment("com.example", "demo", "1.0", "first"));
    Storage slowStorage =
        new DyingAfterLateWrite(
            memory,
            ObjectKey.of(held),
            () -> fast.deploy(deployment("com.example", "demo", fastVersion, "fast")));
    MavenDeployer slow = MavenDeployer.builder(slowStorage).clock(CLOCK).build();
    assertThrows(
        IOException.class, () -> slow.deploy(deployment("com.example", "demo", slowVersion, "s")));

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

  /** The other deploy, run whole while this one is held. */
  @FunctionalInterface
  private interface Deploy {
    void run() throws IOException;
  }

  /**
   * Holds its deploy's first write of one key while the other deploy runs from start to end, then
   * lets that write through and fails every later call: the process died.
   */
  private static final class DyingAfterLateWrite implements Storage {
    private final Storage delegate;
    private final ObjectKey held;
    private final Deploy meanwhile;
    private boolean dead;

    DyingAfterLateWrite(Storage delegate, ObjectKey held, Deploy meanwhile) {
      this.delegate = delegate;
      this.held = held;
      this.meanwhile = meanwhile;
    }

    private void alive() throws IOException {
      if (dead) {
        throw new IOException("killed");
      }
    }

    @Override
    public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
      alive();
      return delegate.stat(key);
    }

    @Override
    public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
      alive();
      return delegate.read(key, range);
    }

    @Override
    public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
        throws IOException {
      alive();
      if (key.equals(held)) {
        meanwhile.run();
        dead = true;
      }
      return delegate.write(key, content, condition);
    }

    @Override
    public void delete(ObjectKey key, WriteCondition condition) throws IOException {
      alive();
      delegate.delete(key, condition);
    }

    @Override
    public ObjectListing list(String prefix) throws IOException {
      alive();
      return delegate.list(prefix);
    }
  }
}
