package io.pinrepo.hash;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through while digesting them, so a file is hashed while it is uploaded or parsed,
 * never read twice. {@link #digests()} is valid once the stream has been read to its end. Closing
 * it closes the wrapped stream.
 */
public final class DigestingInputStream extends FilterInputStream {

  private final MultiDigest digest = new MultiDigest();
  private Digests result;

  /** Digests what is read from {@code in}. */
  public DigestingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      digest.update(b);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipping would leave bytes undigested; read through them instead.
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

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported while digesting");
  }

  /** Reads whatever is left, then returns the digests of the whole stream. */
  public Digests digests() throws IOException {
    if (result == null) {
      transferTo(java.io.OutputStream.nullOutputStream());
      result = digest.finish();
    }
    return result;
  }
}
