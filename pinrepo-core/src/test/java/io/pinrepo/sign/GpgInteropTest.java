package io.pinrepo.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.SigningKeyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PgpSigner} and {@link SignatureChecker} against the real gpg and gpgv: pinrepo's
 * signatures over keys made by gpg must satisfy gpgv, and gpg's signatures must satisfy the
 * checker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GpgInteropTest {

  /** The throwaway keys: how each was made and exported. */
  enum Kind {
    /** RSA 2048 primary key that signs, no passphrase. */
    RSA("rsa2048", "sign", ""),
    /** Ed25519 primary key that signs, with a passphrase. */
    ED25519("ed25519", "sign", "correct horse"),
    /**
     * Ed25519 certify-only primary with an RSA encryption subkey and then an Ed25519 signing
     * subkey: the signer must pick the subkey flagged for signing.
     */
    SPLIT("ed25519", "cert", "split secret"),
    /** As SPLIT, exported with the primary's secret left out (gpg --export-secret-subkeys). */
    SUBKEYS_ONLY("ed25519", "cert", "split secret"),
    /**
     * A certify-only primary with two Ed25519 signing subkeys: an older one that never expires and
     * a newer one that expires in a day, as when signing keys rotate.
     */
    ROTATED("ed25519", "cert", "rotate"),
    /** An Ed25519 primary key that signs and expires in a day. */
    EXPIRING("ed25519", "sign", "", "1d");

    final String algorithm;
    final String usage;
    final String passphrase;
    final String expiry;

    Kind(String algorithm, String usage, String passphrase) {
      this(algorithm, usage, passphrase, "0");
    }

    Kind(String algorithm, String usage, String passphrase, String expiry) {
      this.algorithm = algorithm;
      this.usage = usage;
      this.passphrase = passphrase;
      this.expiry = expiry;
    }
  }

  private record Key(byte[] secret, Path keyring) {}

  private Path dir;
  private Gpg gpg;
  private final Map<Kind, Key> keys = new EnumMap<>(Kind.class);
  private final Map<Kind, String> fingerprints = new EnumMap<>(Kind.class);
  private final Map<Kind, PgpSigner> signers = new EnumMap<>(Kind.class);
  private List<String> rotatedSubkeys;
  private Clock clock;

  @BeforeAll
  void makeKeys(@TempDir Path tempDir) throws IOException {
    dir = tempDir;
    assumeTrue(Gpg.installed(), "gpg and gpgv are not installed");
    gpg = new Gpg(dir.resolve("gnupg"));
    for (Kind kind : List.of(Kind.RSA, Kind.ED25519, Kind.SPLIT, Kind.ROTATED, Kind.EXPIRING)) {
      String uid = "pinrepo " + kind + " <" + kind.name().toLowerCase() + "@example.org>";
      String fpr = gpg.generate(uid, kind.algorithm, kind.usage, kind.passphrase, kind.expiry);
      fingerprints.put(kind, fpr);
      if (kind == Kind.ROTATED) {
        gpg.addSubkey(fpr, "ed25519", "sign", kind.passphrase);
        gpg.addSubkey(fpr, "ed25519", "sign", kind.passphrase, "1d");
        rotatedSubkeys = gpg.subkeyFingerprints(fpr);
      }
      if (kind == Kind.SPLIT) {
        fingerprints.put(Kind.SUBKEYS_ONLY, fpr);
        gpg.addSubkey(fpr, "rsa2048", "encr", kind.passphrase);
        gpg.addSubkey(fpr, "ed25519", "sign", kind.passphrase);
        keys.put(
            Kind.SUBKEYS_ONLY,
            new Key(gpg.exportSecret(fpr, kind.passphrase, true), gpg.publicKeyring(fpr)));
      }
      keys.put(
          kind, new Key(gpg.exportSecret(fpr, kind.passphrase, false), gpg.publicKeyring(fpr)));
    }
    // after every key's creation: gpgv refuses a signature older than its key
    clock = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
  }

  @AfterAll
  void stopAgent() throws IOException {
    if (gpg != null) {
      gpg.stopAgent();
    }
  }

  /** The signer for {@code kind}, loaded once: unlocking a protected key is slow on purpose. */
  private PgpSigner signer(Kind kind) throws IOException {
    PgpSigner signer = signers.get(kind);
    if (signer == null) {
      signer =
          PgpSigner.load(
              new ByteArrayInputStream(keys.get(kind).secret()),
              kind + ".asc",
              kind.passphrase.toCharArray(),
              clock);
      signers.put(kind, signer);
    }
    return signer;
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void detachedSignatureVerifiesWithGpgv(Kind kind) throws IOException {
    byte[] data = new byte[1024 * 1024 + 5];
    new Random(1).nextBytes(data);
    PgpSigner signer = signer(kind);

    byte[] signature = signer.detachedSignature(new ByteArrayInputStream(data));

    String armored = new String(signature, StandardCharsets.US_ASCII);
    assertTrue(armored.startsWith("-----BEGIN PGP SIGNATURE-----"), armored);
    Gpg.Result result = gpg.verifyDetached(keys.get(kind).keyring(), signature, data);
    assertEquals(0, result.exit(), result.err());
    assertValidSignature(signer, result);
  }

  @Test
  void detachedSignatureOfOtherBytesDoesNotVerify() throws IOException {
    byte[] signature =
        signer(Kind.RSA).detachedSignature(new ByteArrayInputStream(new byte[] {1, 2, 3}));

    Gpg.Result result =
        gpg.verifyDetached(keys.get(Kind.RSA).keyring(), signature, new byte[] {1, 2, 4});

    assertTrue(result.exit() != 0, "gpgv accepted a signature over other bytes");
  }

  @Test
  void detachedSignatureOfNothingVerifies() throws IOException {
    byte[] signature =
        signer(Kind.ED25519).detachedSignature(new ByteArrayInputStream(new byte[0]));

    Gpg.Result result =
        gpg.verifyDetached(keys.get(Kind.ED25519).keyring(), signature, new byte[0]);

    assertEquals(0, result.exit(), result.err());
  }

  static final List<String> TEXTS =
      List.of(
          "Origin: pinrepo\nLabel: pinrepo\nSuite: stable\n",
          "- a line starting with a dash\n--two dashes\n-----BEGIN PGP SIGNATURE-----\n-\n",
          "trailing spaces   \ntrailing tab\t\n \t \nend  \n",
          "\n\nempty lines around\n\n\nand between\n\n",
          "no final newline",
          "unicode: ü ß 日本語\nFrom the start\n",
          "");

  /** Every tricky text with an RSA and an Ed25519 key, one each with the subkey-signing keys. */
  static Stream<Arguments> texts() {
    List<String> texts = TEXTS;
    List<Arguments> arguments = new ArrayList<>();
    for (Kind kind : List.of(Kind.RSA, Kind.ED25519)) {
      for (String text : texts) {
        arguments.add(Arguments.of(kind, text));
      }
    }
    arguments.add(Arguments.of(Kind.SPLIT, texts.get(1)));
    arguments.add(Arguments.of(Kind.SUBKEYS_ONLY, texts.get(2)));
    return arguments.stream();
  }

  /** Every tricky text with one key: gpg is the signer here, so one key is enough. */
  static Stream<Arguments> gpgTexts() {
    return TEXTS.stream().map(text -> Arguments.of(Kind.SPLIT, text));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void clearSignedTextVerifiesWithGpgvAndTheChecker(Kind kind, String text) throws IOException {
    PgpSigner signer = signer(kind);

    String signed = signer.clearSign(text);

    assertTrue(signed.startsWith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n"), signed);
    Path recovered = dir.resolve("recovered-" + System.nanoTime());
    Gpg.Result result = gpg.verifyClearSigned(keys.get(kind).keyring(), signed, recovered);
    assertEquals(0, result.exit(), result.err() + "\n" + signed);
    assertValidSignature(signer, result);
    // gpg writes the text without trailing blanks, which the signature does not cover
    assertEquals(
        withoutTrailingBlanks(withoutFinalNewline(text)),
        withoutFinalNewline(Files.readString(recovered)));
    assertEquals(text.endsWith("\n") ? text : text + "\n", undashedBody(signed));
    assertEquals(
        text.endsWith("\n") ? text : text + "\n",
        checker(kind).verifyClearSigned(signed.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void alteredClearSignedTextDoesNotVerify() throws IOException {
    String signed = signer(Kind.RSA).clearSign("Suite: stable\n");

    Gpg.Result result =
        gpg.verifyClearSigned(
            keys.get(Kind.RSA).keyring(),
            signed.replace("Suite: stable", "Suite: stabla"),
            dir.resolve("altered"));

    assertTrue(result.exit() != 0, "gpgv accepted altered text");
  }

  @Test
  void wrongPassphraseIsASigningKeyExceptionSayingSo() {
    SigningKeyException e =
        assertThrows(
            SigningKeyException.class,
            () ->
                PgpSigner.load(
                    new ByteArrayInputStream(keys.get(Kind.ED25519).secret()),
                    "release.asc",
                    "wrong".toCharArray(),
                    clock));

    assertEquals("release.asc: wrong passphrase", e.getMessage());
  }

  @Test
  void missingPassphraseForAProtectedKeyIsASigningKeyExceptionSayingSo() {
    SigningKeyException e =
        assertThrows(
            SigningKeyException.class,
            () ->
                PgpSigner.load(
                    new ByteArrayInputStream(keys.get(Kind.SPLIT).secret()),
                    "split.asc",
                    new char[0],
                    clock));

    assertEquals(
        "split.asc: the key is protected by a passphrase and none was given", e.getMessage());
  }

  @Test
  void anUnprotectedKeyIgnoresAPassphrase() throws IOException {
    PgpSigner signer =
        PgpSigner.load(
            new ByteArrayInputStream(keys.get(Kind.RSA).secret()),
            "rsa.asc",
            "unused".toCharArray(),
            clock);

    assertEquals(40, signer.fingerprint().length());
  }

  @Test
  void aPublicKeyIsNotASigningKey() throws IOException {
    byte[] publicKey = Files.readAllBytes(keys.get(Kind.RSA).keyring());

    SigningKeyException e =
        assertThrows(
            SigningKeyException.class,
            () ->
                PgpSigner.load(new ByteArrayInputStream(publicKey), "pub.gpg", new char[0], clock));

    assertTrue(e.getMessage().startsWith("pub.gpg: "), e.getMessage());
  }

  @Test
  void garbageIsNotAKey() {
    SigningKeyException e =
        assertThrows(
            SigningKeyException.class,
            () ->
                PgpSigner.load(
                    new ByteArrayInputStream("hello".getBytes(StandardCharsets.US_ASCII)),
                    "notes.txt",
                    new char[0],
                    clock));

    assertTrue(e.getMessage().startsWith("notes.txt: "), e.getMessage());
  }

  @Test
  void signingTheSameBytesAtTheSameTimeGivesTheSameSignature() throws IOException {
    PgpSigner signer = signer(Kind.ED25519);

    assertArrayEquals(
        signer.detachedSignature(new ByteArrayInputStream(new byte[] {7})),
        signer.detachedSignature(new ByteArrayInputStream(new byte[] {7})));
    assertEquals(signer.clearSign("a\n"), signer.clearSign("a\n"));
  }

  @ParameterizedTest
  @MethodSource("gpgTexts")
  void checkerAcceptsGpgsClearSignedText(Kind kind, String text) throws IOException {
    byte[] signed = gpg.clearSign(fingerprints.get(kind), kind.passphrase, text);

    String recovered = checker(kind).verifyClearSigned(signed);

    assertEquals(
        withoutTrailingBlanks(text.endsWith("\n") ? text : text + "\n"),
        withoutTrailingBlanks(recovered));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void checkerAcceptsGpgsDetachedSignatureAndRefusesOtherData(Kind kind) throws IOException {
    byte[] data = "Origin: gpg\n".getBytes(StandardCharsets.UTF_8);
    byte[] signature = gpg.detachSign(fingerprints.get(kind), kind.passphrase, data);

    assertTrue(checker(kind).verifyDetached(new ByteArrayInputStream(data), signature));
    assertFalse(checker(kind).verifyDetached(new ByteArrayInputStream(new byte[] {1}), signature));
  }

  @Test
  void checkerRefusesASignatureByAnUntrustedKey() throws IOException {
    String signed = signer(Kind.RSA).clearSign("Suite: stable\n");
    byte[] data = {1, 2, 3};
    byte[] detached = signer(Kind.RSA).detachedSignature(new ByteArrayInputStream(data));

    assertThrows(
        IOException.class,
        () -> checker(Kind.ED25519).verifyClearSigned(signed.getBytes(StandardCharsets.UTF_8)));
    assertFalse(checker(Kind.ED25519).verifyDetached(new ByteArrayInputStream(data), detached));
  }

  private SignatureChecker checker(Kind kind) throws IOException {
    try (var in = Files.newInputStream(keys.get(kind).keyring())) {
      return SignatureChecker.load(in, kind + ".gpg");
    }
  }

  @Test
  void ofRotatedSigningKeysTheNewestInForceSigns() throws IOException {
    assertEquals(2, rotatedSubkeys.size());

    assertEquals(rotatedSubkeys.get(1), signer(Kind.ROTATED).fingerprint());
    assertEquals(
        rotatedSubkeys.get(0),
        loadAt(Kind.ROTATED, clock.instant().plus(2, ChronoUnit.DAYS)).fingerprint());
  }

  @Test
  void aKeyWhoseSigningKeysExpiredIsRefusedSayingSo() {
    SigningKeyException e =
        assertThrows(
            SigningKeyException.class,
            () -> loadAt(Kind.EXPIRING, clock.instant().plus(2, ChronoUnit.DAYS)));

    assertEquals(
        "EXPIRING.asc: every key in it that may sign has expired or been revoked", e.getMessage());
  }

  private PgpSigner loadAt(Kind kind, Instant when) throws IOException {
    return PgpSigner.load(
        new ByteArrayInputStream(keys.get(kind).secret()),
        kind + ".asc",
        kind.passphrase.toCharArray(),
        Clock.fixed(when, ZoneOffset.UTC));
  }

  /** gpgv's VALIDSIG names the signing key, the signature time and hash algorithm 10 (SHA-512). */
  private void assertValidSignature(PgpSigner signer, Gpg.Result result) {
    String validsig =
        result
            .outText()
            .lines()
            .filter(l -> l.startsWith("[GNUPG:] VALIDSIG "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no VALIDSIG in " + result.outText()));
    String[] fields = validsig.split(" ");
    assertEquals(signer.fingerprint(), fields[2]);
    assertEquals(Long.toString(clock.instant().getEpochSecond()), fields[4]);
    assertEquals("10", fields[9], "hash algorithm");
  }

  private static String withoutTrailingBlanks(String text) {
    return text.replaceAll("[ \t]+(?=\n|$)", "");
  }

  private static String withoutFinalNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  /** The clear-signed body with dash-escapes removed, as apt reads it. */
  private static String undashedBody(String signed) {
    String body =
        signed.substring(
            signed.indexOf("\n\n") + 2, signed.indexOf("\n-----BEGIN PGP SIGNATURE-----\n") + 1);
    StringBuilder text = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      text.append(line.startsWith("- ") ? line.substring(2) : line).append('\n');
    }
    return text.substring(0, text.length() - 1);
  }
}
