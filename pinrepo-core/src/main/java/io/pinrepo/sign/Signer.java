package io.pinrepo.sign;

import java.io.IOException;
import java.io.InputStream;

/**
 * Makes OpenPGP signatures for repository files: APT's {@code InRelease} and {@code Release.gpg},
 * Maven's {@code .asc}. Implement it to sign with an HSM, a KMS or gpg-agent; {@link PgpSigner}
 * signs with a key held in memory. Implementations are thread-safe.
 */
public interface Signer {

  /**
   * An ASCII-armored detached signature over the bytes of {@code data}, read to its end and not
   * closed.
   */
  byte[] detachedSignature(InputStream data) throws IOException;

  /**
   * {@code text} clear-signed (RFC 4880 §7): the text, dash-escaped, followed by an armored
   * signature over its canonical form. This is the format of APT's {@code InRelease}.
   */
  String clearSign(String text) throws IOException;

  /** The signing key's fingerprint in upper-case hex, for messages and key files. */
  String fingerprint();

  /**
   * Returns once this signer can sign, or throws why it cannot. A publish calls it after reading
   * its files and before writing anything, so that a signer that prepares its key in the background
   * (or reaches a remote one) can do so while the files are read, and a key that cannot sign still
   * leaves the repository as it was. The default does nothing.
   *
   * @throws IOException when it cannot sign, e.g. {@link io.pinrepo.SigningKeyException}
   */
  default void ready() throws IOException {}
}
