package io.pinrepo.sign;

import io.pinrepo.SigningKeyException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.bcpg.RSASecretBCPGKey;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Properties;

/**
 * A {@link Signer} over an OpenPGP secret key held in memory (RSA, DSA, ECDSA or Ed25519), using
 * Bouncy Castle. Signatures use SHA-512 and carry the creation time from the injected clock and the
 * issuer fingerprint, which current gpgv and apt expect.
 */
public final class PgpSigner implements Signer {

  /** Bouncy Castle's switch for its compositeness test of an RSA modulus, settable per thread. */
  private static final String MODULUS_TEST_OFF = "org.bouncycastle.rsa.allow_unsafe_mod";

  private final PGPSecretKey secretKey;
  private final PGPPrivateKey privateKey;
  private final boolean rsaPrimesChecked;
  private final Clock clock;

  private PgpSigner(PGPSecretKey secretKey, PGPPrivateKey privateKey, Clock clock) {
    this.secretKey = secretKey;
    this.privateKey = privateKey;
    this.rsaPrimesChecked = rsaPrimesMatch(secretKey, privateKey);
    this.clock = clock;
  }

  /**
   * Loads the signing key from the armored (or binary) secret key file {@code secretKey}; see
   * {@link #load(InputStream, String, char[], Clock)}.
   */
  public static PgpSigner load(java.nio.file.Path secretKey, char[] passphrase, Clock clock)
      throws IOException {
    try (InputStream in = java.nio.file.Files.newInputStream(secretKey)) {
      return load(in, secretKey.toString(), passphrase, clock);
    }
  }

  /**
   * Loads the signing key of the first (armored or binary) secret key ring that has one: a key that
   * holds its secret and may sign data, flagged for signing by its self-signature or binding
   * signature, or, for an old key without key flags, of an algorithm that can sign. So a
   * certify-only primary key and an encryption subkey are passed over for a signing subkey. Of
   * several such keys the newest that is neither expired nor revoked at {@code clock}'s time is
   * used, as gpg does when signing keys rotate.
   *
   * @param source names the key in error messages, e.g. its file name
   * @param passphrase the key's passphrase; empty for an unprotected key
   * @throws SigningKeyException when no signing key is found or the passphrase is wrong
   */
  public static PgpSigner load(InputStream keyRing, String source, char[] passphrase, Clock clock)
      throws IOException {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(passphrase, "passphrase");
    BcPGPSecretKeyRingCollection rings;
    try {
      rings = new BcPGPSecretKeyRingCollection(PGPUtil.getDecoderStream(keyRing));
    } catch (PGPException | IOException | RuntimeException e) {
      throw new SigningKeyException(source + ": not an OpenPGP secret key", e);
    }
    Instant now = clock.instant();
    boolean outdated = false;
    Iterator<PGPSecretKeyRing> it = rings.getKeyRings();
    while (it.hasNext()) {
      PGPSecretKeyRing ring = it.next();
      PGPPublicKey primary = ring.getPublicKey();
      PGPSecretKey chosen = null;
      for (PGPSecretKey key : ring) {
        if (!signsData(key)) {
          continue;
        }
        if (!inForce(primary, now) || !inForce(key.getPublicKey(), now)) {
          outdated = true;
        } else if (chosen == null
            || key.getPublicKey()
                .getCreationTime()
                .after(chosen.getPublicKey().getCreationTime())) {
          chosen = key; // the newest signing key in force, as gpg picks
        }
      }
      if (chosen != null) {
        return new PgpSigner(chosen, extract(chosen, source, passphrase), clock);
      }
    }
    throw new SigningKeyException(
        source
            + (outdated
                ? ": every key in it that may sign has expired or been revoked"
                : ": no secret key in it that may sign (flagged for signing)"),
        null);
  }

  /** Whether {@code key} is neither revoked nor expired at {@code now}. */
  private static boolean inForce(PGPPublicKey key, Instant now) {
    if (key.hasRevocation()) {
      return false;
    }
    long validSeconds = key.getValidSeconds();
    return validSeconds <= 0
        || now.isBefore(key.getCreationTime().toInstant().plusSeconds(validSeconds));
  }

  private static boolean signsData(PGPSecretKey key) {
    if (!key.isSigningKey() || key.isPrivateKeyEmpty()) {
      return false;
    }
    boolean flagged = false;
    Iterator<PGPSignature> signatures = key.getPublicKey().getSignatures();
    while (signatures.hasNext()) {
      PGPSignatureSubpacketVector hashed = signatures.next().getHashedSubPackets();
      if (hashed != null && hashed.hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)) {
        if ((hashed.getKeyFlags() & KeyFlags.SIGN_DATA) != 0) {
          return true;
        }
        flagged = true;
      }
    }
    return !flagged;
  }

  /**
   * Whether {@code key} is RSA and its secret primes multiply to its public modulus. Bouncy Castle
   * otherwise proves the modulus composite with Miller-Rabin rounds (a guard against a bad public
   * key) when a process first signs with it, which costs a fresh JVM 0.1 to 0.5 s of interpreted
   * 3072-bit arithmetic; p·q = n is a cheaper and stronger proof for a key whose primes we hold.
   */
  private static boolean rsaPrimesMatch(PGPSecretKey key, PGPPrivateKey privateKey) {
    if (privateKey.getPrivateKeyDataPacket() instanceof RSASecretBCPGKey secret
        && key.getPublicKey().getPublicKeyPacket().getKey() instanceof RSAPublicBCPGKey pub) {
      BigInteger p = secret.getPrimeP();
      BigInteger q = secret.getPrimeQ();
      return p.compareTo(BigInteger.ONE) > 0
          && q.compareTo(BigInteger.ONE) > 0
          && p.multiply(q).equals(pub.getModulus());
    }
    return false;
  }

  private static PGPPrivateKey extract(PGPSecretKey key, String source, char[] passphrase)
      throws SigningKeyException {
    try {
      // The passphrase's S2K hashing (gpg iterates it over 65 MB) runs through the JDK's digests,
      // which the JIT compiles to the CPU's SHA instructions: seconds faster than Bouncy Castle's.
      return key.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(digests()).build(passphrase));
    } catch (PGPException | RuntimeException e) {
      String problem =
          passphrase.length == 0
              ? "the key is protected by a passphrase and none was given"
              : "wrong passphrase";
      throw new SigningKeyException(source + ": " + problem, e);
    }
  }

  /** The JDK's digests where it has them; Bouncy Castle's for the rest (RIPEMD-160). */
  private static PGPDigestCalculatorProvider digests() throws PGPException {
    PGPDigestCalculatorProvider jdk = new JcaPGPDigestCalculatorProviderBuilder().build();
    PGPDigestCalculatorProvider bc = new BcPGPDigestCalculatorProvider();
    return algorithm -> {
      try {
        return jdk.get(algorithm);
      } catch (PGPException e) {
        return bc.get(algorithm);
      }
    };
  }

  @Override
  public String fingerprint() {
    return HexFormat.of()
        .formatHex(secretKey.getPublicKey().getFingerprint())
        .toUpperCase(Locale.ROOT);
  }

  @Override
  public byte[] detachedSignature(InputStream data) throws IOException {
    PGPSignatureGenerator generator = generator(PGPSignature.BINARY_DOCUMENT);
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = data.read(buffer)) != -1) {
      generator.update(buffer, 0, n);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = armored(out)) {
      generator.generate().encode(new BCPGOutputStream(armor));
    } catch (PGPException e) {
      throw new IOException("signing failed: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  @Override
  public String clearSign(String text) throws IOException {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    if (body.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("clear-signed text must use \\n line endings");
    }
    PGPSignatureGenerator generator = generator(PGPSignature.CANONICAL_TEXT_DOCUMENT);
    String[] lines = body.split("\n", -1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = armored(out)) {
      armor.beginClearText(HashAlgorithmTags.SHA512);
      for (int i = 0; i < lines.length; i++) {
        // The signature covers each line without trailing blanks, joined by CRLF (RFC 4880 7.1).
        byte[] canonical = stripTrailingBlanks(lines[i]).getBytes(StandardCharsets.UTF_8);
        if (i > 0) {
          generator.update(new byte[] {'\r', '\n'});
        }
        generator.update(canonical);
        armor.write(lines[i].getBytes(StandardCharsets.UTF_8)); // the armor dash-escapes
        armor.write('\n');
      }
      armor.endClearText();
      generator.generate().encode(new BCPGOutputStream(armor));
    } catch (PGPException e) {
      throw new IOException("signing failed: " + e.getMessage(), e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private PGPSignatureGenerator generator(int signatureType) throws IOException {
    PGPSignatureGenerator generator =
        new PGPSignatureGenerator(
            new BcPGPContentSignerBuilder(
                secretKey.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512),
            secretKey.getPublicKey());
    try {
      init(generator, signatureType);
    } catch (PGPException e) {
      throw new IOException("cannot sign with key " + fingerprint() + ": " + e.getMessage(), e);
    }
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setSignatureCreationTime(false, Date.from(clock.instant()));
    hashed.setIssuerFingerprint(false, secretKey);
    generator.setHashedSubpackets(hashed.generate());
    PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
    unhashed.setIssuerKeyID(false, secretKey.getKeyID());
    generator.setUnhashedSubpackets(unhashed.generate());
    return generator;
  }

  /** Initialises {@code generator}, without the modulus test when p·q = n was checked at load. */
  private void init(PGPSignatureGenerator generator, int signatureType) throws PGPException {
    boolean skipTest = rsaPrimesChecked && !Properties.isOverrideSet(MODULUS_TEST_OFF);
    if (skipTest) {
      Properties.setThreadOverride(MODULUS_TEST_OFF, true);
    }
    try {
      generator.init(signatureType, privateKey);
    } finally {
      if (skipTest) {
        Properties.removeThreadOverride(MODULUS_TEST_OFF);
      }
    }
  }

  private static ArmoredOutputStream armored(ByteArrayOutputStream out) {
    // no "Version:" header: the output depends only on the inputs
    return ArmoredOutputStream.builder().clearHeaders().build(out);
  }

  private static String stripTrailingBlanks(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return line.substring(0, end);
  }
}
