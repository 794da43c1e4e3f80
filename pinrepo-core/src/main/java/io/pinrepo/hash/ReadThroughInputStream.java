package io.pinrepo.hash;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A filter stream that passes every byte through {@link #read(byte[], int, int)}, even the ones
 * skipped, so that a subclass which digests, counts or checks bytes there sees them all: {@link
 * #read()} reads one byte through it, {@link #skip(long)} reads through instead of skipping, and
 * mark and reset are not supported. Subclasses override {@link #read(byte[], int, int)} and call
 * {@code super}'s or {@code in}'s. Closing it closes the wrapped stream. Not thread-safe.
 */
public abstract class ReadThroughInputStream extends FilterInputStream {

  private final byte[] one = new byte[1];

  /** Reads from {@code in}. */
  protected ReadThroughInputStream(InputStream in) {
    super(in);
  }

  /** Reads one byte through {@link #read(byte[], int, int)}. */
  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  /** Reads up to {@code n} bytes through {@link #read(byte[], int, int)} and drops them. */
  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  /** Returns false: bytes read again after a reset would pass twice. */
  @Override
  public boolean markSupported() {
    return false;
  }

  /** Does nothing: marks are not supported. */
  @Override
  public synchronized void mark(int readlimit) {}

  /**
   * Always fails: marks are not supported.
   *
   * @throws IOException always
   */
  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported: every byte must pass once");
  }
}
