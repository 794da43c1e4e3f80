package io.pinrepo.pypi;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.format.Retention;
import io.pinrepo.pypi.metadata.ReadLimits;
import java.time.Clock;
import java.util.Objects;

/**
 * The settings of one simple repository, held once and shared by its publisher ({@link
 * PypiRepository}) and its format ({@link PypiFormat}), so that verify and GC see the repository as
 * the publisher configured it.
 *
 * @param clock upload times and blob ages
 * @param retryPolicy how lost races are retried, commit and post-commit step together
 * @param retention which versions of a project stay listed when one is published
 * @param readLimits how much of an archive the reader may read
 */
record Settings(Clock clock, RetryPolicy retryPolicy, Retention retention, ReadLimits readLimits) {

  /** System UTC clock, {@link RetryPolicy#DEFAULT}, keep every version, default read limits. */
  static final Settings DEFAULTS =
      new Settings(Clock.systemUTC(), RetryPolicy.DEFAULT, Retention.keepAll(), ReadLimits.DEFAULT);

  /** Rejects nulls. */
  Settings {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(readLimits, "readLimits");
  }
}
