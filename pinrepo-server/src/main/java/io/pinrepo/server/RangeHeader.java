package io.pinrepo.server;

import io.pinrepo.spi.ByteRange;
import java.util.Optional;

/** Parses a single-range {@code Range: bytes=...} header against an object's size. */
final class RangeHeader {
  private RangeHeader() {}

  /** The outcome: serve everything, serve a range, or answer 416. */
  sealed interface Result {}

  /** No usable range header (absent, not bytes, several ranges): serve the whole object. */
  record Whole() implements Result {}

  /** Serve bytes {@code first..last} inclusive. */
  record Partial(long first, long last) implements Result {
    ByteRange toByteRange() {
      return new ByteRange(first, last - first + 1);
    }
  }

  /** The range cannot be satisfied for this size. */
  record Unsatisfiable() implements Result {}

  static Result parse(Optional<String> header, long size) {
    if (header.isEmpty()) {
      return new Whole();
    }
    String value = header.get().trim();
    if (!value.startsWith("bytes=") || value.contains(",")) {
      return new Whole();
    }
    String spec = value.substring("bytes=".length()).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return new Whole();
    }
    try {
      String from = spec.substring(0, dash).trim();
      String to = spec.substring(dash + 1).trim();
      if (from.isEmpty()) {
        long suffix = Long.parseLong(to);
        if (suffix <= 0 || size == 0) {
          return new Unsatisfiable();
        }
        return new Partial(Math.max(0, size - suffix), size - 1);
      }
      long first = Long.parseLong(from);
      long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
      if (first >= size) {
        return new Unsatisfiable();
      }
      if (last < first) {
        return new Whole();
      }
      return new Partial(first, last);
    } catch (NumberFormatException e) {
      return new Whole();
    }
  }
}
