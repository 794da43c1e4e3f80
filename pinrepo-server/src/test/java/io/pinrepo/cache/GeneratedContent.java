package io.pinrepo.cache;

import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ContentSource;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.OptionalLong;

/** Pseudo-random content of any length, generated as it is read: never held in memory. */
final class GeneratedContent implements ContentSource {

  private final long size;
  private final long seed;

  GeneratedContent(long size, long seed) {
    this.size = size;
    this.seed = seed;
  }

  @Override
  public InputStream open() {
    return new InputStream() {
      private long state = seed * 0x9E3779B97F4A7C15L + 1;
      private long left = size;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        for (int i = 0; i < n; i++) {
          state ^= state << 13; // xorshift64
          state ^= state >>> 7;
          state ^= state << 17;
          b[off + i] = (byte) state;
        }
        left -= n;
        return n;
      }
    };
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.of(size);
  }

  /** The SHA-256 of the content, in hex. */
  String sha256() throws IOException {
    MessageDigest digest = HashAlgorithm.SHA256.newDigest();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = open()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
