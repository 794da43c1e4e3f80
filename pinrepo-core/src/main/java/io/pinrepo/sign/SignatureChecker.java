package io.pinrepo.sign;

import io.pinrepo.SigningKeyException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.bc.BcPGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Checks OpenPGP signatures against a set of trusted public keys, as {@code gpgv} would: detached
 * signatures ({@code Release.gpg}, {@code .asc}) and clear-signed text ({@code InRelease}).
 * Thread-safe.
 */
public final class SignatureChecker {

  private final PGPPublicKeyRingCollection keys;

  private SignatureChecker(PGPPublicKeyRingCollection keys) {
    this.keys = keys;
  }

  /**
   * Trusts the keys of an armored or binary public key ring (a {@code .asc} export or a {@code
   * .gpg} keyring).
   *
   * @throws SigningKeyException when the input holds no public key
   */
  public static SignatureChecker load(InputStream keyRing, String source) throws IOException {
    try {
      PGPPublicKeyRingCollection keys =
          new BcPGPPublicKeyRingCollection(PGPUtil.getDecoderStream(keyRing));
      if (!keys.getKeyRings().hasNext()) {
        throw new SigningKeyException(source + ": no public key in it", null);
      }
      return new SignatureChecker(keys);
    } catch (PGPException | RuntimeException e) {
      throw new SigningKeyException(source + ": not an OpenPGP public key", e);
    }
  }

  /** Whether {@code signature} (armored or binary) is a valid signature of {@code data}. */
  public boolean verifyDetached(InputStream data, byte[] signature) throws IOException {
    for (PGPSignature sig :
        signatures(PGPUtil.getDecoderStream(new ByteArrayInputStream(signature)))) {
      PGPPublicKey key = keyFor(sig);
      if (key == null) {
        continue;
      }
      try {
        sig.init(new BcPGPContentVerifierBuilderProvider(), key);
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = data.read(buffer)) != -1) {
          sig.update(buffer, 0, n);
        }
        return sig.verify();
      } catch (PGPException e) {
        return false;
      }
    }
    return false;
  }

  /**
   * Checks a clear-signed document and returns its text (with {@code \n} line ends and a final
   * newline) when the signature is valid.
   *
   * @throws IOException when the document is not clear-signed or its signature does not check
   */
  public String verifyClearSigned(byte[] document) throws IOException {
    ArmoredInputStream armor = new ArmoredInputStream(new ByteArrayInputStream(document));
    if (!armor.isClearText()) {
      throw new IOException("not a clear-signed document");
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    int c;
    while ((c = armor.read()) >= 0 && armor.isClearText()) {
      text.write(c);
    }
    byte[] raw = text.toByteArray();
    // The armor yields the text with its line breaks; the final break belongs to the armor.
    String body = new String(raw, StandardCharsets.UTF_8).replace("\r\n", "\n");
    if (body.endsWith("\n")) {
      body = body.substring(0, body.length() - 1);
    }
    for (PGPSignature sig : signatures(armor)) {
      PGPPublicKey key = keyFor(sig);
      if (key == null) {
        continue;
      }
      try {
        sig.init(new BcPGPContentVerifierBuilderProvider(), key);
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (i > 0) {
            sig.update(new byte[] {'\r', '\n'});
          }
          sig.update(stripTrailingBlanks(lines[i]).getBytes(StandardCharsets.UTF_8));
        }
        if (sig.verify()) {
          return body + "\n";
        }
      } catch (PGPException e) {
        throw new IOException("bad clear-signed signature: " + e.getMessage(), e);
      }
    }
    throw new IOException("no valid signature by a trusted key");
  }

  private PGPPublicKey keyFor(PGPSignature sig) {
    return keys.getPublicKey(sig.getKeyID());
  }

  private static List<PGPSignature> signatures(InputStream in) throws IOException {
    BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
    Object object = factory.nextObject();
    if (object instanceof PGPSignatureList list) {
      List<PGPSignature> result = new java.util.ArrayList<>();
      list.forEach(result::add);
      return result;
    }
    throw new IOException("no OpenPGP signature found");
  }

  private static String stripTrailingBlanks(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return line.substring(0, end);
  }
}
