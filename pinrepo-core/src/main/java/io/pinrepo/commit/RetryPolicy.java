package io.pinrepo.commit;

import java.time.Duration;
import java.util.Objects;

/**
 * How an optimistic commit retries after losing a race: at most {@code maxAttempts} attempts,
 * waiting a random time in {@code [0, min(maxDelay, baseDelay * 2^n))} between them ("full
 * jitter"), so that publishers that collided spread out.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param baseDelay the first backoff's upper bound
 * @param maxDelay the cap on any one backoff
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

  /** Generous for CI fleets: 50 attempts, 10 ms growing to 2 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(50, Duration.ofMillis(10), Duration.ofSeconds(2));

  /** Validates the bounds. */
  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("negative delay");
    }
  }

  /** This policy with another attempt budget. */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseDelay, maxDelay);
  }

  /** The upper bound of the backoff after {@code failedAttempts} failures. */
  Duration ceiling(int failedAttempts) {
    long cap = nanos(maxDelay);
    long base = Math.max(1, nanos(baseDelay));
    int shift = Math.min(62, Math.max(0, failedAttempts - 1));
    long grown = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
    return Duration.ofNanos(Math.min(grown, cap));
  }

  private static long nanos(Duration d) {
    return d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
  }
}
