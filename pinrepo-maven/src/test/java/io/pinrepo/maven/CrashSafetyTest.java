package io.pinrepo.maven;

import static io.pinrepo.maven.Fixtures.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.hash.Digests;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.maven.metadata.SnapshotVersion;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.memory.Operation;
import io.pinrepo.verify.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A deploy that dies at any write leaves a repository whose metadata names only files that exist,
 * and deploying again completes it.
 */
class CrashSafetyTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T01:02:03Z"), ZoneOffset.UTC);

  @Test
  void releaseDeployInterruptedAtEveryWriteCanBeRepeated() throws IOException {
    crashAtEveryWrite("1.1");
  }

  @Test
  void snapshotDeployInterruptedAtEveryWriteCanBeRepeated() throws IOException {
    crashAtEveryWrite("2.0-SNAPSHOT");
  }

  private static void crashAtEveryWrite(String version) throws IOException {
    for (int k = 1; ; k++) {
      InMemoryStorage storage = new InMemoryStorage();
      MavenRepository deployer = MavenRepository.builder(storage).clock(CLOCK).build();
      deployer.deploy(deployment("com.example", "demo", "1.0", "first"));
      deployer.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "first"));
      storage.failOn(Operation.WRITE, k);
      boolean crashed;
      try {
        deployer.deploy(deployment("com.example", "demo", version, "second"));
        crashed = false;
      } catch (InjectedFaultException e) {
        crashed = true;
      }
      storage.clearFault();
      assertMetadataNamesOnlyExistingFiles(storage, "crash at write " + k);
      // the only damage a crash may leave: metadata sidecars not yet brought in line
      for (Problem p :
          new Verification(List.of(new MavenFormat()))
              .run(storage, VerifyContext.unsigned())
              .problems()) {
        assertTrue(
            p.key().value().contains("/maven-metadata.xml"), "crash at write " + k + ": " + p);
      }
      if (!crashed) {
        return;
      }
      deployer.deploy(deployment("com.example", "demo", version, "second"));
      assertMetadataNamesOnlyExistingFiles(storage, "redeploy after crash at write " + k);
      MavenFormatGcTest.assertClean(storage);
      assertSidecarsAgree(storage, "com/example/demo/maven-metadata.xml");
      assertSidecarsAgree(storage, "com/example/demo/2.0-SNAPSHOT/maven-metadata.xml");
      assertTrue(
          metadata(storage, "com/example/demo/maven-metadata.xml")
              .orElseThrow()
              .versioning()
              .versions()
              .contains(version));
    }
  }

  private static void assertMetadataNamesOnlyExistingFiles(InMemoryStorage storage, String when)
      throws IOException {
    MavenMetadata ga = metadata(storage, "com/example/demo/maven-metadata.xml").orElseThrow();
    for (String v : ga.versioning().versions()) {
      String dir = "com/example/demo/" + v + "/";
      if (!v.endsWith("-SNAPSHOT")) {
        assertTrue(storage.peek(ObjectKey.of(dir + "demo-" + v + ".pom")).isPresent(), when);
        continue;
      }
      MavenMetadata builds = metadata(storage, dir + "maven-metadata.xml").orElseThrow();
      for (SnapshotVersion s : builds.versioning().snapshotVersions()) {
        String name =
            "demo-"
                + s.value()
                + (s.classifier().isEmpty() ? "" : "-" + s.classifier())
                + "."
                + s.extension();
        for (String suffix : new String[] {"", ".sha1", ".md5", ".sha256", ".sha512"}) {
          assertTrue(
              storage.peek(ObjectKey.of(dir + name + suffix)).isPresent(),
              when + ": " + name + suffix);
        }
      }
    }
  }

  private static void assertSidecarsAgree(InMemoryStorage storage, String key) {
    byte[] bytes = storage.peek(ObjectKey.of(key)).orElseThrow();
    String sha1 =
        new String(storage.peek(ObjectKey.of(key + ".sha1")).orElseThrow(), StandardCharsets.UTF_8);
    assertEquals(Digests.of(bytes).sha1(), sha1, key);
  }

  private static Optional<MavenMetadata> metadata(InMemoryStorage storage, String key)
      throws IOException {
    Optional<byte[]> bytes = storage.peek(ObjectKey.of(key));
    return bytes.isEmpty() ? Optional.empty() : Optional.of(MavenMetadata.parse(key, bytes.get()));
  }
}
