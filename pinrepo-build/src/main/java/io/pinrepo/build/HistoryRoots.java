package io.pinrepo.build;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of each pointer's history GC treats as roots: the versions named (as {@code from} or
 * {@code to}) by the newest {@code count} changes and by every change younger than {@code period},
 * so that a rollback to a recent version always finds its build. A setting of the repository
 * ({@link BuildRepository.Builder#historyRoots}) that its {@link BuildRepository#format()} carries
 * to GC.
 *
 * @param count how many of the newest changes count, at least 1
 * @param period changes younger than this count too
 */
public record HistoryRoots(int count, Duration period) {

  /** The newest 10 changes and the last 30 days. */
  public static final HistoryRoots DEFAULT = new HistoryRoots(10, Duration.ofDays(30));

  /** Validates the bounds. */
  public HistoryRoots {
    Objects.requireNonNull(period, "period");
    if (count < 1) {
      throw new IllegalArgumentException("count at least the newest change: " + count);
    }
    if (period.isNegative()) {
      throw new IllegalArgumentException("negative period " + period);
    }
  }
}
