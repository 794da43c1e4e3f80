package io.pinrepo.hash;

import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through while digesting them, so a file is hashed while it is uploaded or parsed,
 * never read twice; skipping reads through. {@link #digests()} is valid once the stream has been
 * read to its end. Closing it closes the wrapped stream.
 */
public final class DigestingInputStream extends ReadThroughInputStream {

  private final MultiDigest digest = new MultiDigest();
  private Digests result;

  /** Digests what is read from {@code in}. */
  public DigestingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
    }
    return n;
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
