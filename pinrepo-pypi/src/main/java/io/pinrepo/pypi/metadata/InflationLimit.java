package io.pinrepo.pypi.metadata;

import io.pinrepo.MalformedPackageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Counts the bytes a decompressing stream yields and stops it, with a {@link
 * MalformedPackageException}, at {@link ReadLimits#maxScannedBytes()} or once it has yielded more
 * than {@link #MAX_RATIO} times the compressed bytes read after the first {@link #RATIO_FROM}
 * bytes: a decompression bomb fails within its first megabytes instead of after gigabytes. Skips
 * are reads, so that they are counted too.
 */
final class InflationLimit extends FilterInputStream {

  /** The largest ratio of uncompressed to compressed bytes accepted; gzip of source is ~4-10. */
  static final long MAX_RATIO = 200;

  /** How many bytes may be yielded before the ratio is checked. */
  static final long RATIO_FROM = 64L << 20;

  private final String source;
  private final long max;
  private final LongSupplier compressed;
  private final byte[] skipBuffer = new byte[8192];
  private long yielded;

  /**
   * @param compressed how many compressed bytes have been read so far
   */
  InflationLimit(InputStream in, String source, long max, LongSupplier compressed) {
    super(in);
    this.source = source;
    this.max = max;
    this.compressed = compressed;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    int read = read(skipBuffer, 0, (int) Math.min(n, skipBuffer.length));
    return Math.max(read, 0);
  }

  private void count(int n) throws MalformedPackageException {
    yielded += n;
    if (yielded > max) {
      throw new MalformedPackageException(
          source,
          "unpacks to more than "
              + ReadLimits.describe(max)
              + "; refused as a possible decompression bomb");
    }
    if (yielded > RATIO_FROM && yielded > MAX_RATIO * Math.max(1, compressed.getAsLong())) {
      throw new MalformedPackageException(
          source,
          "unpacks to more than "
              + MAX_RATIO
              + " times its size; refused as a possible decompression bomb");
    }
  }
}
