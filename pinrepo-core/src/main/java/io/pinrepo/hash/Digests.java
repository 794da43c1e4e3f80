package io.pinrepo.hash;

import io.pinrepo.parallel.Parallel;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

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

  /** From this many bytes on, {@link #of(byte[])} uses two threads. */
  static final int SPLIT_BYTES = 256 << 10;

  private static final Executor SPLIT =
      Executors.newCachedThreadPool(Parallel.daemonThreads("pinrepo-digest"));

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

  /**
   * Digests of {@code bytes}. From {@value #SPLIT_BYTES} bytes on, two of the four digests run on
   * another thread: over an index of several megabytes in a fresh JVM, before the JIT has compiled
   * them, the four passes are the largest part of a publish.
   */
  public static Digests of(byte[] bytes) {
    if (bytes.length < SPLIT_BYTES) {
      MultiDigest digest = new MultiDigest();
      digest.update(bytes, 0, bytes.length);
      return digest.finish();
    }
    CompletableFuture<byte[][]> other =
        CompletableFuture.supplyAsync(
            () -> digest(bytes, HashAlgorithm.SHA1, HashAlgorithm.SHA512), SPLIT);
    byte[][] mine = digest(bytes, HashAlgorithm.MD5, HashAlgorithm.SHA256);
    byte[][] theirs = other.join();
    return new Digests(bytes.length, hex(mine[0]), hex(theirs[0]), hex(mine[1]), hex(theirs[1]));
  }

  /** Both digests of {@code bytes}, fed in turns of a cache-sized chunk. */
  private static byte[][] digest(byte[] bytes, HashAlgorithm first, HashAlgorithm second) {
    MessageDigest a = first.newDigest();
    MessageDigest b = second.newDigest();
    for (int offset = 0; offset < bytes.length; offset += 64 * 1024) {
      int length = Math.min(64 * 1024, bytes.length - offset);
      a.update(bytes, offset, length);
      b.update(bytes, offset, length);
    }
    return new byte[][] {a.digest(), b.digest()};
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

  // equals and hashCode are written out: a record's generated ones are linked through method
  // handles on first use, which costs a fresh JVM ~10 ms, a CLI publish's (docs/performance.md,
  // phase 5). Same meaning: every component compared.
  @Override
  public boolean equals(Object o) {
    return o instanceof Digests other
        && size == other.size
        && sha512.equals(other.sha512)
        && sha256.equals(other.sha256)
        && sha1.equals(other.sha1)
        && md5.equals(other.md5);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(size) * 31 + sha256.hashCode();
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
