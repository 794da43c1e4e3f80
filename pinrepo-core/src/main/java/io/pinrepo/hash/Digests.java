package io.pinrepo.hash;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The size and the four digests of one byte sequence, in lower-case hex.
 *
 * @param size length in bytes
 * @param md5 MD5
 * @param sha1 SHA-1
 * @param sha256 SHA-256
 * @param sha512 SHA-512
 */
public record Digests(long size, String md5, String sha1, String sha256, String sha512) {

  /** Validates lengths and normalises hex to lower case. */
  public Digests {
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
    md5 = check(HashAlgorithm.MD5, md5);
    sha1 = check(HashAlgorithm.SHA1, sha1);
    sha256 = check(HashAlgorithm.SHA256, sha256);
    sha512 = check(HashAlgorithm.SHA512, sha512);
  }

  /** The digest for {@code algorithm}. */
  public String hex(HashAlgorithm algorithm) {
    return switch (algorithm) {
      case MD5 -> md5;
      case SHA1 -> sha1;
      case SHA256 -> sha256;
      case SHA512 -> sha512;
    };
  }

  /** Digests of {@code bytes}. */
  public static Digests of(byte[] bytes) {
    MultiDigest digest = new MultiDigest();
    digest.update(bytes, 0, bytes.length);
    return digest.finish();
  }

  /** Reads {@code in} to its end in constant memory and digests it; does not close it. */
  public static Digests of(InputStream in) throws IOException {
    MultiDigest digest = new MultiDigest();
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = in.read(buffer)) != -1) {
      digest.update(buffer, 0, n);
    }
    return digest.finish();
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static String check(HashAlgorithm algorithm, String hex) {
    Objects.requireNonNull(hex, algorithm.name());
    String lower = hex.toLowerCase(Locale.ROOT);
    if (lower.length() != algorithm.hexLength() || !lower.chars().allMatch(Digests::isHex)) {
      throw new IllegalArgumentException("not a " + algorithm + " hex digest: '" + hex + "'");
    }
    return lower;
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}
