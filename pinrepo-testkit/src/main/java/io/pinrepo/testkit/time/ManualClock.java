package io.pinrepo.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that stands still until a test moves it: give it to {@link
 * io.pinrepo.testkit.memory.InMemoryStorage} and to publishers to age objects by days in a
 * millisecond (grace periods, retention, Release dates). Thread-safe.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  /** A clock showing {@code start}. */
  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /** Moves the clock forward (or back, with a negative duration). */
  public void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  /** Sets the clock to {@code instant}. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock for {@code UTC}; any other zone is refused: the clock's users all speak UTC. */
  @Override
  public Clock withZone(ZoneId zone) {
    if (zone.normalized().equals(ZoneOffset.UTC)) {
      return this;
    }
    throw new IllegalArgumentException("a ManualClock stays in UTC, not " + zone);
  }
}
