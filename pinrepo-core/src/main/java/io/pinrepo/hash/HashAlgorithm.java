package io.pinrepo.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digests repositories list: every one is computed in each pass over a file. */
public enum HashAlgorithm {
  /** MD5: legacy, listed only because old clients still read it. */
  MD5("MD5", 32),
  /** SHA-1: legacy, as MD5. */
  SHA1("SHA-1", 40),
  /** SHA-256: what apt, pip and Maven verify by default. */
  SHA256("SHA-256", 64),
  /** SHA-512. */
  SHA512("SHA-512", 128);

  private final String jcaName;
  private final int hexLength;

  HashAlgorithm(String jcaName, int hexLength) {
    this.jcaName = jcaName;
    this.hexLength = hexLength;
  }

  /** A fresh digest; never shared, since {@link MessageDigest} is not thread-safe. */
  public MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + jcaName, e);
    }
  }

  /** The length of this digest in lower-case hex. */
  public int hexLength() {
    return hexLength;
  }
}
