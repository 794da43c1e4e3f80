package io.pinrepo.rpm.header;

/**
 * Where the main header lies in the file: what {@code primary.xml} records as {@code
 * rpm:header-range}, so that a client can fetch just the header with an HTTP range request.
 *
 * @param start the offset of the header's first byte (after lead, signature and its padding)
 * @param end the offset just past its last byte
 */
public record HeaderRange(long start, long end) {
  /** Checks that the range is not negative. */
  public HeaderRange {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad header range " + start + "-" + end);
    }
  }
}
