package io.pinrepo.cache;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ObjectStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Opens a range of an entry's bytes from its cache file. */
final class EntryRead {

  private EntryRead() {}

  /**
   * A stream of {@code range} of the object {@code entry} holds, or empty when its file is gone
   * (evicted or invalidated since, perhaps by another process). The caller closes the stream. An
   * open stream keeps yielding its bytes when the file is deleted meanwhile (POSIX semantics).
   */
  static Optional<ObjectStream> open(Entry entry, ByteRange range) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(entry.file(), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    long last = range.lastIndex(entry.info().size());
    if (last < 0) {
      channel.close();
      return Optional.of(new ObjectStream(InputStream.nullInputStream(), entry.info()));
    }
    try {
      channel.position(entry.headerLength() + range.offset());
    } catch (IOException | RuntimeException e) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    InputStream bounded = new Bounded(Channels.newInputStream(channel), last - range.offset() + 1);
    return Optional.of(new ObjectStream(bounded, entry.info()));
  }

  /** At most {@code remaining} bytes of the wrapped stream; closing closes it. */
  private static final class Bounded extends FilterInputStream {
    private long remaining;

    Bounded(InputStream in, long remaining) {
      super(in);
      this.remaining = remaining;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, remaining));
      remaining -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(super.available(), remaining);
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
