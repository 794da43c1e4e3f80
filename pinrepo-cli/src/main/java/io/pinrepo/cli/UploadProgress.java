package io.pinrepo.cli;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.GroupWrites;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Shows on a terminal how far each large upload has got: a storage decorator that counts the bytes
 * the backend reads from each write's content. Writes under 1 MiB pass unseen; so does everything
 * when stderr is not a terminal (the CLI only installs it on one).
 */
class UploadProgress extends ForwardingStorage {

  static final long SHOWN_FROM = 1 << 20;

  private final PrintWriter err;

  private UploadProgress(Storage delegate, PrintWriter err) {
    super(delegate);
    this.err = err;
  }

  /** Progress around {@code delegate}, keeping its power to write a group ({@link GroupWrites}). */
  static UploadProgress around(Storage delegate, PrintWriter err) {
    return delegate instanceof GroupWrites
        ? new Grouped(delegate, err)
        : new UploadProgress(delegate, err);
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    ContentSource counted = counted(key, content);
    if (counted == content) {
      return delegate().write(key, content, condition);
    }
    try {
      return delegate().write(key, counted, condition);
    } finally {
      clearLine();
    }
  }

  /** {@code content}, counted as it is read when it is large enough to show. */
  final ContentSource counted(ObjectKey key, ContentSource content) {
    OptionalLong size = content.size();
    if (size.isEmpty() || size.getAsLong() < SHOWN_FROM) {
      return content;
    }
    return new ContentSource() {
      @Override
      public InputStream open() throws IOException {
        return new Counting(content.open(), key, size.getAsLong());
      }

      @Override
      public OptionalLong size() {
        return size;
      }
    };
  }

  final void clearLine() {
    err.print("\r\033[K");
    err.flush();
  }

  /** Around a storage that writes groups. */
  private static final class Grouped extends UploadProgress implements GroupWrites {
    Grouped(Storage delegate, PrintWriter err) {
      super(delegate, err);
    }

    @Override
    public Set<ObjectKey> writeAbsent(Map<ObjectKey, ContentSource> contents) throws IOException {
      Map<ObjectKey, ContentSource> counted = new LinkedHashMap<>();
      contents.forEach((key, content) -> counted.put(key, counted(key, content)));
      if (counted.equals(contents)) {
        return ((GroupWrites) delegate()).writeAbsent(contents);
      }
      try {
        return ((GroupWrites) delegate()).writeAbsent(counted);
      } finally {
        clearLine();
      }
    }
  }

  /** Counts bytes read and redraws the line at most ten times a second. */
  private final class Counting extends FilterInputStream {
    private final ObjectKey key;
    private final long total;
    private long done;
    private long lastDraw;

    Counting(InputStream in, ObjectKey key, long total) {
      super(in);
      this.key = key;
      this.total = total;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        advance(n);
      }
      return n;
    }

    private void advance(long n) {
      done += n;
      long now = System.nanoTime();
      if (now - lastDraw > 100_000_000L || done == total) {
        lastDraw = now;
        err.printf(
            "\r\033[Kuploading %s %.1f/%.1f MiB (%d%%)",
            key.fileName(),
            done / 1048576.0,
            total / 1048576.0,
            total == 0 ? 100 : done * 100 / total);
        err.flush();
      }
    }
  }
}
