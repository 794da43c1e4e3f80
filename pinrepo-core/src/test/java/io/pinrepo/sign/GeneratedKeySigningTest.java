package io.pinrepo.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key from {@link PgpKeyGenerator} signs what {@link SignatureChecker} and real gpgv accept. */
class GeneratedKeySigningTest {

  static final String TEXT =
      "Origin: test\nLabel: with trailing blanks   \n-dash line\n\n- already dashed\nLast: line\n";
  static PgpKeyGenerator.GeneratedKey key;
  static PgpSigner signer;
  static SignatureChecker checker;

  @BeforeAll
  static void generate() throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    key = PgpKeyGenerator.generate("Test <test@example.invalid>", clock);
    signer = load(key.armoredSecretKey());
    checker =
        SignatureChecker.load(
            new ByteArrayInputStream(key.armoredPublicKey().getBytes(StandardCharsets.US_ASCII)),
            "public.asc");
  }

  static PgpSigner load(String armored) throws IOException {
    return PgpSigner.load(
        new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)),
        "secret.asc",
        new char[0],
        Clock.systemUTC());
  }

  @Test
  void signerReportsTheGeneratedFingerprint() {
    assertEquals(key.fingerprint(), signer.fingerprint());
  }

  @Test
  void clearSignedTextRoundTripsThroughTheChecker() throws IOException {
    String signed = signer.clearSign(TEXT);
    assertTrue(signed.startsWith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n"), signed);
    assertEquals(TEXT, checker.verifyClearSigned(signed.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void tamperedClearSignedTextIsRejected() throws IOException {
    String signed = signer.clearSign(TEXT).replace("Origin: test", "Origin: evil");
    assertThrows(
        IOException.class,
        () -> checker.verifyClearSigned(signed.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void detachedSignatureChecksAndFailsOnOtherData() throws IOException {
    byte[] data = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] sig = signer.detachedSignature(new ByteArrayInputStream(data));
    assertTrue(checker.verifyDetached(new ByteArrayInputStream(data), sig));
    assertFalse(checker.verifyDetached(new ByteArrayInputStream(new byte[] {1, 2, 3}), sig));
  }

  @Test
  void realGpgvAcceptsBothSignatureForms(@TempDir Path dir)
      throws IOException, InterruptedException {
    assumeTrue(onPath("gpgv"), "gpgv is not installed: cannot check signatures with it");
    Path keyring = Files.write(dir.resolve("keyring.gpg"), key.binaryPublicKey());
    Path inRelease = Files.writeString(dir.resolve("InRelease"), signer.clearSign(TEXT));
    Path release = Files.writeString(dir.resolve("Release"), TEXT);
    Path releaseGpg =
        Files.write(
            dir.resolve("Release.gpg"),
            signer.detachedSignature(
                new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8))));
    assertEquals(0, gpgv(dir, keyring, inRelease.toString()));
    assertEquals(0, gpgv(dir, keyring, releaseGpg.toString(), release.toString()));
    Files.writeString(release, TEXT + "Extra: line\n");
    assertEquals(1, gpgv(dir, keyring, releaseGpg.toString(), release.toString()));
  }

  static int gpgv(Path dir, Path keyring, String... files)
      throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(List.of("gpgv", "--keyring", keyring.toString()));
    command.addAll(List.of(files));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("gpgv.log").toFile())
            .start();
    return p.waitFor();
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
