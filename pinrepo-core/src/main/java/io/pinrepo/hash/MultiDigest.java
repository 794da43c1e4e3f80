package io.pinrepo.hash;

import java.security.MessageDigest;

/**
 * Computes every {@link HashAlgorithm} and the length over bytes fed to it in any chunking, in one
 * pass and constant memory. Not thread-safe; use one per byte sequence.
 */
public final class MultiDigest {

  private final MessageDigest md5 = HashAlgorithm.MD5.newDigest();
  private final MessageDigest sha1 = HashAlgorithm.SHA1.newDigest();
  private final MessageDigest sha256 = HashAlgorithm.SHA256.newDigest();
  private final MessageDigest sha512 = HashAlgorithm.SHA512.newDigest();
  private long size;
  private boolean finished;

  /** Feeds {@code length} bytes of {@code bytes} from {@code offset}. */
  public void update(byte[] bytes, int offset, int length) {
    if (finished) {
      throw new IllegalStateException("digest already finished");
    }
    md5.update(bytes, offset, length);
    sha1.update(bytes, offset, length);
    sha256.update(bytes, offset, length);
    sha512.update(bytes, offset, length);
    size += length;
  }

  /** Feeds one byte. */
  public void update(int b) {
    if (finished) {
      throw new IllegalStateException("digest already finished");
    }
    md5.update((byte) b);
    sha1.update((byte) b);
    sha256.update((byte) b);
    sha512.update((byte) b);
    size++;
  }

  /** The digests of everything fed; this instance accepts nothing more afterwards. */
  public Digests finish() {
    finished = true;
    return new Digests(
        size,
        Digests.hex(md5.digest()),
        Digests.hex(sha1.digest()),
        Digests.hex(sha256.digest()),
        Digests.hex(sha512.digest()));
  }
}
