package io.pinrepo.build;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.format.Retention;
import java.time.Clock;
import java.util.Objects;

/**
 * The settings of one build repository, held once and shared by its publisher ({@link
 * BuildRepository}), its pointers ({@link Pointers}) and its format ({@link BuildFormat}), so that
 * verify and GC see the repository as the publisher configured it.
 *
 * @param clock publish and change times, and the age of objects a publish or pointer change re-uses
 * @param retryPolicy how lost pointer races are retried
 * @param retention which builds of a name stay listed when one is published
 * @param historyRoots how much of each pointer's history GC keeps the builds of
 */
record Settings(
    Clock clock, RetryPolicy retryPolicy, Retention retention, HistoryRoots historyRoots) {

  /**
   * System UTC clock, {@link RetryPolicy#DEFAULT}, keep every build, {@link HistoryRoots#DEFAULT}.
   */
  static final Settings DEFAULTS =
      new Settings(
          Clock.systemUTC(), RetryPolicy.DEFAULT, Retention.keepAll(), HistoryRoots.DEFAULT);

  /** Rejects nulls. */
  Settings {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(historyRoots, "historyRoots");
  }
}
