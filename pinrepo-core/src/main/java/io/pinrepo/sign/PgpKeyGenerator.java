package io.pinrepo.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * Makes a fresh Ed25519 OpenPGP signing key without a passphrase: for demos and tests, where a
 * throwaway key is wanted and gpg may not be installed. Production keys belong in gpg, an HSM or a
 * KMS.
 */
public final class PgpKeyGenerator {
  private PgpKeyGenerator() {}

  /**
   * A generated key in the forms its users need.
   *
   * @param armoredSecretKey the secret key ring, armored: what {@link PgpSigner#load} reads
   * @param armoredPublicKey the public key ring, armored ({@code .asc}): for {@code signed-by} and
   *     {@code gpg --import}
   * @param binaryPublicKey the public key ring, binary ({@code .gpg}): for {@code gpgv --keyring}
   * @param fingerprint the key's fingerprint, upper-case hex
   */
  public record GeneratedKey(
      String armoredSecretKey,
      String armoredPublicKey,
      byte[] binaryPublicKey,
      String fingerprint) {
    /** Copies the binary key. */
    public GeneratedKey {
      binaryPublicKey = binaryPublicKey.clone();
    }

    /** The binary public key ring (a copy). */
    @Override
    public byte[] binaryPublicKey() {
      return binaryPublicKey.clone();
    }
  }

  /** Generates a key for {@code userId} (e.g. {@code "Demo <demo@example.invalid>"}). */
  public static GeneratedKey generate(String userId, Clock clock) throws IOException {
    Objects.requireNonNull(userId, "userId");
    Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
    generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    try {
      PGPKeyPair keyPair =
          new BcPGPKeyPair(
              PublicKeyPacket.VERSION_4,
              PublicKeyAlgorithmTags.EDDSA_LEGACY,
              pair,
              Date.from(clock.instant()));
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      hashed.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
      hashed.setPreferredHashAlgorithms(
          false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
      PGPKeyRingGenerator rings =
          new PGPKeyRingGenerator(
              PGPSignature.POSITIVE_CERTIFICATION,
              keyPair,
              userId,
              new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
              hashed.generate(),
              null,
              new BcPGPContentSignerBuilder(
                  keyPair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512),
              null);
      byte[] publicRing = rings.generatePublicKeyRing().getEncoded();
      return new GeneratedKey(
          armor(rings.generateSecretKeyRing().getEncoded()),
          armor(publicRing),
          publicRing,
          java.util.HexFormat.of()
              .formatHex(keyPair.getPublicKey().getFingerprint())
              .toUpperCase(java.util.Locale.ROOT));
    } catch (PGPException e) {
      throw new IOException("cannot generate an OpenPGP key: " + e.getMessage(), e);
    }
  }

  private static String armor(byte[] encoded) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
      armor.write(encoded);
    }
    return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
