package io.pinrepo.commit;

import io.pinrepo.spi.PreconditionFailedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one commit attempt after another until one wins: step 2 to 6 of the publish protocol. Each
 * attempt reads the current top, computes the new state and writes it conditionally on the version
 * it read; a {@link PreconditionFailedException} from the attempt means another publisher won, so
 * it backs off with jitter and starts again from a fresh read. Any other exception ends the commit.
 *
 * <p>Thread-safe; one instance may serve many publishers. It counts the conflicts it retried.
 */
public final class OptimisticCommit {

  /** One attempt: read, compute, write conditionally. */
  @FunctionalInterface
  public interface Attempt<T> {
    /** Runs the attempt; throws {@link PreconditionFailedException} when it lost the race. */
    T run() throws IOException;
  }

  /** What waits between attempts; a test may pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits about {@code nanos} nanoseconds. */
    void sleep(long nanos) throws InterruptedException;
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final AtomicLong conflicts = new AtomicLong();

  /** Retries under {@code policy}, sleeping with {@link Thread#sleep}. */
  public OptimisticCommit(RetryPolicy policy) {
    this(policy, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
  }

  /** Retries under {@code policy}, waiting with {@code sleeper}. */
  public OptimisticCommit(RetryPolicy policy, Sleeper sleeper) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Runs {@code attempt} until it returns without a conflict.
   *
   * @param what names the commit in the error, e.g. {@code "dists/stable"}
   * @throws CommitConflictException when every attempt lost
   */
  public <T> T run(String what, Attempt<T> attempt) throws IOException {
    PreconditionFailedException last = null;
    for (int n = 1; n <= policy.maxAttempts(); n++) {
      try {
        return attempt.run();
      } catch (PreconditionFailedException e) {
        last = e;
        conflicts.incrementAndGet();
        if (n < policy.maxAttempts()) {
          backOff(n);
        }
      }
    }
    throw new CommitConflictException(
        "gave up committing "
            + what
            + " after "
            + policy.maxAttempts()
            + " attempts: other publishers kept winning",
        last);
  }

  /** How many lost races this instance has retried or given up on. */
  public long conflicts() {
    return conflicts.get();
  }

  private void backOff(int failedAttempts) throws InterruptedIOException {
    long ceiling = policy.ceiling(failedAttempts).toNanos();
    long nanos = ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling);
    try {
      sleeper.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while backing off a commit");
    }
  }
}
