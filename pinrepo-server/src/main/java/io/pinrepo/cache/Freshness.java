package io.pinrepo.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ReadThroughCache} answered one read or stat, and how old the answer is: what an HTTP
 * layer turns into {@code Age}, {@code Cache-Status} and, for a {@link Outcome#STALE} answer, a
 * {@code Warning: 110} or {@code 111} header.
 *
 * @param outcome where the answer came from
 * @param age how long ago the origin last confirmed the version served (for a {@link Outcome#MISS}
 *     or {@link Outcome#BYPASS}, zero); never negative
 */
public record Freshness(Outcome outcome, Duration age) {

  /** Where an answer came from. */
  public enum Outcome {
    /** From the cache without asking the origin: an immutable object, or a top within its age. */
    HIT,
    /** From the cache after the origin confirmed, by a stat, that the cached version is current. */
    REVALIDATED,
    /**
     * From the origin: a read's object is now cached (also for readers that waited for another
     * reader's fetch); a stat was answered by the origin.
     */
    MISS,
    /**
     * From the cache although the origin could not be asked (it failed with an error other than
     * not-found): a top older than the cache would otherwise serve, within the stale bound.
     */
    STALE,
    /**
     * Straight from the origin, not cached: the object is larger than the whole cache, or the cache
     * could not store it (see {@link CacheListener#cacheFailed}).
     */
    BYPASS
  }

  /** Rejects a null outcome and a negative or null age. */
  public Freshness {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(age, "age");
    if (age.isNegative()) {
      throw new IllegalArgumentException("negative age " + age + " for outcome " + outcome);
    }
  }

  /** Whether the origin failed and the answer may be out of date. */
  public boolean stale() {
    return outcome == Outcome.STALE;
  }

  static Freshness miss() {
    return new Freshness(Outcome.MISS, Duration.ZERO);
  }

  static Freshness bypass() {
    return new Freshness(Outcome.BYPASS, Duration.ZERO);
  }
}
