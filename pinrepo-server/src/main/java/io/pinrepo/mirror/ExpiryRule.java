package io.pinrepo.mirror;

import java.time.Duration;
import java.util.Objects;

/** Which copies {@link MirrorExpiry} deletes from a region, least recently used first. */
public sealed interface ExpiryRule {

  /** Deletes least recently used copies until the region's copies total at most {@code bytes}. */
  static ExpiryRule maxBytes(long bytes) {
    return new MaxBytes(bytes);
  }

  /** Deletes the copies not used for {@code period}. */
  static ExpiryRule unusedFor(Duration period) {
    return new UnusedFor(period);
  }

  /**
   * See {@link ExpiryRule#maxBytes(long)}.
   *
   * @param bytes the byte budget of the region's copies
   */
  record MaxBytes(long bytes) implements ExpiryRule {
    /** Rejects a negative budget. */
    public MaxBytes {
      if (bytes < 0) {
        throw new IllegalArgumentException("negative byte budget " + bytes);
      }
    }
  }

  /**
   * See {@link ExpiryRule#unusedFor(Duration)}.
   *
   * @param period how long a copy may go unused
   */
  record UnusedFor(Duration period) implements ExpiryRule {
    /** Rejects a null or negative period. */
    public UnusedFor {
      Objects.requireNonNull(period, "period");
      if (period.isNegative()) {
        throw new IllegalArgumentException("negative period " + period);
      }
    }
  }
}
