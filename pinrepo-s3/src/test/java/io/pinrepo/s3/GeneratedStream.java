package io.pinrepo.s3;

import java.io.InputStream;

/**
 * A deterministic pseudo-random stream of {@code length} bytes (xorshift64*), generated as it is
 * read and never stored: the same seed always yields the same bytes.
 */
final class GeneratedStream extends InputStream {

  private final long length;
  private long state;
  private long position;
  private long word;

  GeneratedStream(long length, long seed) {
    this.length = length;
    this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int len) {
    if (position >= length) {
      return -1;
    }
    int n = (int) Math.min(len, length - position);
    for (int i = 0; i < n; i++) {
      int shift = (int) (position & 7);
      if (shift == 0) {
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
        word = state * 0x2545F4914F6CDD1DL;
      }
      buffer[offset + i] = (byte) (word >>> (shift * 8));
      position++;
    }
    return n;
  }
}
