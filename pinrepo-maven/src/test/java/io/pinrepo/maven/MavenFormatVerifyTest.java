package io.pinrepo.maven;

import static io.pinrepo.maven.Fixtures.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.maven.metadata.Versioning;
import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.sign.PgpKeyGenerator.GeneratedKey;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.verify.Verification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Verification finds each kind of damage as exactly one readable line, and nothing when clean. */
class MavenFormatVerifyTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T01:02:03Z"), ZoneOffset.UTC);
  private static final String GA = "com/example/demo/";
  private static final String RELEASE = GA + "1.0/";
  private static final String SNAPSHOT = GA + "2.0-SNAPSHOT/";

  private static GeneratedKey key;
  private static SignatureChecker trusted;

  private final InMemoryStorage storage = new InMemoryStorage();

  @BeforeAll
  static void generateKey() throws IOException {
    key = PgpKeyGenerator.generate("Verify Test <verify@example.invalid>", CLOCK);
    trusted =
        SignatureChecker.load(
            new ByteArrayInputStream(key.armoredPublicKey().getBytes(StandardCharsets.US_ASCII)),
            "test key");
  }

  @Test
  void cleanUnsignedRepositoryHasNoProblems() throws IOException {
    populate(false);
    Verification.Report report = verify(VerifyContext.unsigned());
    assertEquals(List.of("maven"), report.formatsFound());
    assertEquals(List.of(), lines(report.problems()));
  }

  @Test
  void cleanSignedRepositoryHasNoProblemsWithItsKey() throws IOException {
    populate(true);
    assertEquals(List.of(), lines(verify(signed()).problems()));
    assertEquals(List.of(), lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void flippedByteInAJarIsOneProblemEvenWhenSigned() throws IOException {
    populate(true);
    ObjectKey jar = ObjectKey.of(RELEASE + "demo-1.0.jar");
    byte[] original = storage.peek(jar).orElseThrow();
    byte[] flipped = original.clone();
    flipped[flipped.length / 2] ^= 1;
    storage.write(jar, ContentSource.ofBytes(flipped), WriteCondition.none());

    assertEquals(
        List.of(
            "maven: "
                + jar
                + ": content does not match its checksums (md5 is "
                + Digests.of(flipped).md5()
                + ", .md5 says "
                + Digests.of(original).md5()
                + ")"),
        lines(verify(signed()).problems()));
  }

  @Test
  void wrongSha1IsOneProblemNamingTheSidecar() throws IOException {
    populate(false);
    ObjectKey jar = ObjectKey.of(RELEASE + "demo-1.0-sources.jar");
    String wrong = "0".repeat(40);
    storage.write(ObjectKey.of(jar + ".sha1"), ContentSource.ofUtf8(wrong), WriteCondition.none());

    assertEquals(
        List.of(
            "maven: "
                + jar
                + ".sha1: says "
                + wrong
                + " but the sha1 of demo-1.0-sources.jar is "
                + Digests.of(storage.peek(jar).orElseThrow()).sha1()),
        lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void severalStaleChecksumsOfOneFileAreOneProblem() throws IOException {
    populate(false);
    ObjectKey jar = ObjectKey.of(RELEASE + "demo-1.0.jar");
    String sha256 = "a".repeat(64);
    storage.write(
        ObjectKey.of(jar + ".sha256"), ContentSource.ofUtf8(sha256), WriteCondition.none());
    storage.write(
        ObjectKey.of(jar + ".sha512"),
        ContentSource.ofUtf8("b".repeat(128)),
        WriteCondition.none());

    assertEquals(
        List.of(
            "maven: "
                + jar
                + ": stale checksum files .sha256, .sha512 (sha256 is "
                + Digests.of(storage.peek(jar).orElseThrow()).sha256()
                + ", .sha256 says "
                + sha256
                + ")"),
        lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void missingChecksumFilesAreOneProblem() throws IOException {
    populate(false);
    ObjectKey pom = ObjectKey.of(RELEASE + "demo-1.0.pom");
    storage.delete(ObjectKey.of(pom + ".sha1"), WriteCondition.none());
    storage.delete(ObjectKey.of(pom + ".sha512"), WriteCondition.none());

    assertEquals(
        List.of("maven: " + pom + ": no checksum file .sha1, .sha512"),
        lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void md5AndSha1AloneAreEnoughAsStockMavenWritesThem() throws IOException {
    populate(false);
    ObjectKey jar = ObjectKey.of(RELEASE + "demo-1.0.jar");
    storage.delete(ObjectKey.of(jar + ".sha256"), WriteCondition.none());
    storage.delete(ObjectKey.of(jar + ".sha512"), WriteCondition.none());

    assertEquals(List.of(), lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void missingPomOfAListedReleaseIsOneProblem() throws IOException {
    populate(true);
    ObjectKey pom = ObjectKey.of(RELEASE + "demo-1.0.pom");
    storage.delete(pom, WriteCondition.none());

    assertEquals(
        List.of("maven: " + pom + ": missing, but " + GA + "maven-metadata.xml lists 1.0"),
        lines(verify(signed()).problems()));
  }

  @Test
  void metadataNamingAMissingSnapshotFileIsOneProblem() throws IOException {
    populate(false);
    MavenMetadata m = metadata(SNAPSHOT + "maven-metadata.xml");
    String newest = "2.0-" + m.versioning().snapshot().timestamp() + "-" + m.buildNumber();
    ObjectKey sources = ObjectKey.of(SNAPSHOT + "demo-" + newest + "-sources.jar");
    storage.delete(sources, WriteCondition.none());

    assertEquals(
        List.of("maven: " + sources + ": missing, but named by " + SNAPSHOT + "maven-metadata.xml"),
        lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void missingSnapshotMetadataOfAListedSnapshotIsOneProblem() throws IOException {
    populate(false);
    ObjectKey metadata = ObjectKey.of(SNAPSHOT + "maven-metadata.xml");
    storage.delete(metadata, WriteCondition.none());

    assertEquals(
        List.of(
            "maven: "
                + metadata
                + ": missing, but "
                + GA
                + "maven-metadata.xml lists 2.0-SNAPSHOT"),
        lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void oldSnapshotMetadataWithoutSnapshotVersionsIsCheckedByItsPom() throws IOException {
    populate(false);
    MavenMetadata m = metadata(SNAPSHOT + "maven-metadata.xml");
    Versioning v = m.versioning();
    MavenMetadata legacy =
        new MavenMetadata(
            m.groupId(),
            m.artifactId(),
            m.version(),
            new Versioning(
                v.latest(), v.release(), v.versions(), v.lastUpdated(), v.snapshot(), List.of()),
            m.plugins());
    replaceWithSidecars(ObjectKey.of(SNAPSHOT + "maven-metadata.xml"), legacy.toXml());
    assertEquals(List.of(), lines(verify(VerifyContext.unsigned()).problems()));

    ObjectKey pom = ObjectKey.of(SNAPSHOT + snapshotPomName());
    storage.delete(pom, WriteCondition.none());
    assertEquals(
        List.of("maven: " + pom + ": missing, but named by " + SNAPSHOT + "maven-metadata.xml"),
        lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void signatureOfOtherBytesIsOneProblem() throws IOException {
    populate(true);
    ObjectKey asc = ObjectKey.of(RELEASE + "demo-1.0.jar.asc");
    byte[] other = signer().detachedSignature(new ByteArrayInputStream(new byte[] {1, 2, 3}));
    replaceWithSidecars(asc, other);

    assertEquals(
        List.of("maven: " + asc + ": does not verify with the trusted keys"),
        lines(verify(signed()).problems()));
    assertEquals(List.of(), lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void signatureByAnUntrustedKeyIsOneProblem() throws IOException {
    populate(true);
    GeneratedKey stranger = PgpKeyGenerator.generate("Stranger <x@example.invalid>", CLOCK);
    PgpSigner strangerSigner =
        PgpSigner.load(
            new ByteArrayInputStream(
                stranger.armoredSecretKey().getBytes(StandardCharsets.US_ASCII)),
            "stranger",
            new char[0],
            CLOCK);
    ObjectKey pom = ObjectKey.of(SNAPSHOT + snapshotPomName());
    ObjectKey asc = ObjectKey.of(pom + ".asc");
    replaceWithSidecars(
        asc,
        strangerSigner.detachedSignature(
            new ByteArrayInputStream(storage.peek(pom).orElseThrow())));

    assertEquals(
        List.of("maven: " + asc + ": does not verify with the trusted keys"),
        lines(verify(signed()).problems()));
  }

  @Test
  void garbageSignatureIsOneProblem() throws IOException {
    populate(true);
    ObjectKey asc = ObjectKey.of(RELEASE + "demo-1.0.pom.asc");
    replaceWithSidecars(asc, "not a signature".getBytes(StandardCharsets.UTF_8));

    List<String> problems = lines(verify(signed()).problems());
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("maven: " + asc + ": not a usable signature: "));
  }

  @Test
  void missingSignatureBesideSignedFilesIsOneProblem() throws IOException {
    populate(true);
    ObjectKey asc = ObjectKey.of(RELEASE + "demo-1.0-sources.jar.asc");
    storage.delete(asc, WriteCondition.none());

    String expected = "maven: " + asc + ": missing, while other files of " + GA + "1.0 are signed";
    assertEquals(List.of(expected), lines(verify(VerifyContext.unsigned()).problems()));
    assertEquals(List.of(expected), lines(verify(signed()).problems()));
  }

  @Test
  void unsignedReleaseIsOneProblemWhenKeysAreGiven() throws IOException {
    populate(true);
    MavenRepository.builder(storage)
        .clock(CLOCK)
        .build()
        .deploy(deployment("com.example", "demo", "1.1", "unsigned"));

    assertEquals(
        List.of(
            "maven: "
                + GA
                + "1.1/demo-1.1-sources.jar: not signed: no .asc beside any file of "
                + GA
                + "1.1, but trusted keys were given"),
        lines(verify(signed()).problems()));
    assertEquals(List.of(), lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void unreadableMetadataIsOneProblem() throws IOException {
    populate(false);
    ObjectKey metadata = ObjectKey.of(GA + "maven-metadata.xml");
    replaceWithSidecars(metadata, "<metadata><versioning>".getBytes(StandardCharsets.UTF_8));

    List<String> problems = lines(verify(VerifyContext.unsigned()).problems());
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("maven: " + metadata + ": unreadable: "), problems.get(0));
  }

  @Test
  void staleMetadataChecksumIsOneProblem() throws IOException {
    populate(false);
    ObjectKey metadata = ObjectKey.of(SNAPSHOT + "maven-metadata.xml");
    String stale = "f".repeat(32);
    storage.write(
        ObjectKey.of(metadata + ".md5"), ContentSource.ofUtf8(stale), WriteCondition.none());

    assertEquals(
        List.of(
            "maven: "
                + metadata
                + ".md5: says "
                + stale
                + " but the md5 of maven-metadata.xml is "
                + Digests.of(storage.peek(metadata).orElseThrow()).md5()),
        lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void metadataOfAnotherArtifactIsOneProblem() throws IOException {
    populate(false);
    ObjectKey metadata = ObjectKey.of(GA + "maven-metadata.xml");
    byte[] other =
        new String(storage.peek(metadata).orElseThrow(), StandardCharsets.UTF_8)
            .replace("<artifactId>demo</artifactId>", "<artifactId>other</artifactId>")
            .getBytes(StandardCharsets.UTF_8);
    replaceWithSidecars(metadata, other);

    assertEquals(
        List.of("maven: " + metadata + ": names com.example:other, not com/example/demo"),
        lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void pluginEntryWithoutItsArtifactIsOneProblem() throws IOException {
    populate(false);
    ObjectKey plugin = ObjectKey.of("com/example/demo-maven-plugin/maven-metadata.xml");
    storage.delete(plugin, WriteCondition.none());

    assertEquals(
        List.of(
            "maven: com/example/maven-metadata.xml: plugin prefix 'demo' names"
                + " demo-maven-plugin, which has no maven-metadata.xml"),
        lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void prefixFileMissingAGroupIsOneProblem() throws IOException {
    populate(false);
    replaceWithSidecars(
        Layout.PREFIX_FILE, "## repository-prefixes/2.0\n/org\n".getBytes(StandardCharsets.UTF_8));

    assertEquals(
        List.of(
            "maven: .meta/prefixes.txt: does not cover /com/example, so Maven 4 will not look"
                + " there"),
        lines(verify(VerifyContext.unsigned()).problems()));
  }

  @Test
  void detectsMavenRepositoriesOnly() throws IOException {
    MavenFormat format = new MavenFormat();
    assertFalse(format.isPresent(storage));
    storage.write(
        ObjectKey.of("dists/stable/Release"), ContentSource.ofUtf8("x"), WriteCondition.none());
    storage.write(
        ObjectKey.of("simple/index.html"), ContentSource.ofUtf8("x"), WriteCondition.none());
    assertFalse(format.isPresent(storage));
    MavenRepository.builder(storage)
        .clock(CLOCK)
        .build()
        .deploy(deployment("org.example", "lib", "1.0", "x"));
    assertTrue(format.isPresent(storage));
  }

  private void populate(boolean sign) throws IOException {
    MavenRepository.Builder builder =
        MavenRepository.builder(storage).clock(CLOCK).prefixFile(true);
    if (sign) {
      builder.signer(signer());
    }
    MavenRepository deployer = builder.build();
    deployer.deploy(deployment("com.example", "demo", "1.0", "one"));
    deployer.deploy(deployment("com.example", "demo", "0.9", "nine"));
    for (int build = 1; build <= 3; build++) {
      deployer.deploy(deployment("com.example", "demo", "2.0-SNAPSHOT", "b" + build));
    }
    deployer.deploy(
        Deployment.of(
            "plugin.pom",
            ContentSource.ofUtf8(
                Fixtures.pom("com.example", "demo-maven-plugin", "1.0", "maven-plugin")),
            List.of(
                new ArtifactFile(
                    "", "jar", ContentSource.ofBytes(Fixtures.jar("plugin")), "plugin.jar"))));
  }

  private static PgpSigner signer() throws IOException {
    return PgpSigner.load(
        new ByteArrayInputStream(key.armoredSecretKey().getBytes(StandardCharsets.US_ASCII)),
        "test key",
        new char[0],
        CLOCK);
  }

  private static VerifyContext signed() {
    return new VerifyContext(Optional.of(trusted));
  }

  private Verification.Report verify(VerifyContext context) throws IOException {
    return new Verification(List.of(new MavenFormat())).run(storage, context);
  }

  /** Replaces an object and makes its sidecars agree, so only the intended fault remains. */
  private void replaceWithSidecars(ObjectKey key, byte[] bytes) throws IOException {
    storage.write(key, ContentSource.ofBytes(bytes), WriteCondition.none());
    Digests digests = Digests.of(bytes);
    for (HashAlgorithm a : HashAlgorithm.values()) {
      storage.write(
          ObjectKey.of(key.value() + Sidecars.suffix(a)),
          ContentSource.ofUtf8(digests.hex(a)),
          WriteCondition.none());
    }
  }

  private MavenMetadata metadata(String key) throws IOException {
    return MavenMetadata.parse(key, storage.peek(ObjectKey.of(key)).orElseThrow());
  }

  private String snapshotPomName() throws IOException {
    MavenMetadata m = metadata(SNAPSHOT + "maven-metadata.xml");
    return "demo-2.0-" + m.versioning().snapshot().timestamp() + "-" + m.buildNumber() + ".pom";
  }

  private static List<String> lines(List<Problem> problems) {
    List<String> lines = new ArrayList<>();
    problems.forEach(p -> lines.add(p.toString()));
    return lines;
  }
}
