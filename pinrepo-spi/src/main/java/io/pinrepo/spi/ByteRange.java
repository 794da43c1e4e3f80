package io.pinrepo.spi;

/**
 * A range of bytes to read: from {@code offset}, at most {@code length} bytes. A range that runs
 * past the end of an object reads to its end; one that starts past the end reads nothing.
 *
 * @param offset the first byte, zero-based
 * @param length how many bytes at most; {@link Long#MAX_VALUE} for "to the end"
 */
public record ByteRange(long offset, long length) {

  /** The whole object. */
  public static final ByteRange ALL = new ByteRange(0, Long.MAX_VALUE);

  /** Rejects negative offsets and lengths. */
  public ByteRange {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "invalid byte range offset=" + offset + " length=" + length);
    }
  }

  /** From {@code offset} to the end. */
  public static ByteRange from(long offset) {
    return new ByteRange(offset, Long.MAX_VALUE);
  }

  /** Whether this is the whole object. */
  public boolean isAll() {
    return offset == 0 && length == Long.MAX_VALUE;
  }

  /** The last byte's index for an object of {@code size} bytes, or -1 when the range is empty. */
  public long lastIndex(long size) {
    if (offset >= size || length == 0) {
      return -1;
    }
    return length >= size - offset ? size - 1 : offset + length - 1;
  }
}
