package io.pinrepo.rpm.header;

import io.pinrepo.hash.ReadThroughInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Digests and counts what passes through it from now on; skipping reads through. */
final class Tap extends ReadThroughInputStream {
  private final MessageDigest digest;
  private long count;

  Tap(InputStream in, MessageDigest digest) {
    super(in);
    this.digest = digest;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
      count += n;
    }
    return n;
  }

  /** Reads to the end of the stream, in constant memory. */
  void drain() throws IOException {
    transferTo(OutputStream.nullOutputStream());
  }

  long count() {
    return count;
  }

  byte[] digest() {
    return digest.digest();
  }
}
