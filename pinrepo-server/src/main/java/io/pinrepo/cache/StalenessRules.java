package io.pinrepo.cache;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * How long a cached top may be served: without asking the origin while younger than the maximum
 * staleness, and while the origin fails, marked stale, up to the bound on that. Ages are measured
 * from the origin's last confirmation of the version ({@link Entry#validatedAt()}).
 */
final class StalenessRules {

  private final Duration maxStaleness;
  private final Duration maxStaleOnError;
  private final Clock clock;

  StalenessRules(Duration maxStaleness, Duration maxStaleOnError, Clock clock) {
    this.maxStaleness = maxStaleness;
    this.maxStaleOnError = maxStaleOnError;
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  /** Whether {@code entry} may be served without asking the origin (zero staleness: never). */
  boolean fresh(Entry entry) {
    return age(entry).compareTo(maxStaleness) < 0;
  }

  /**
   * {@code cached} if it may be served while the origin fails, else throws the origin's failure.
   */
  Entry staleOrThrow(Entry cached, IOException originFailure) throws IOException {
    if (cached == null || age(cached).compareTo(maxStaleOnError) > 0) {
      throw originFailure;
    }
    return cached;
  }

  /** Served from the cache without asking. */
  Freshness hit(Entry entry) {
    return new Freshness(Freshness.Outcome.HIT, age(entry));
  }

  /** Served from the cache because the origin failed. */
  Freshness stale(Entry entry) {
    return new Freshness(Freshness.Outcome.STALE, age(entry));
  }

  /** Served from the cache after the origin confirmed it just now. */
  Freshness revalidated(Entry entry) {
    entry.validated(clock.instant());
    return new Freshness(Freshness.Outcome.REVALIDATED, Duration.ZERO);
  }

  private Duration age(Entry entry) {
    Duration age = Duration.between(entry.validatedAt(), clock.instant());
    return age.isNegative() ? Duration.ZERO : age;
  }
}
