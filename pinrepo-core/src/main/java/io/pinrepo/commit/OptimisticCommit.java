package io.pinrepo.commit;

import io.pinrepo.CommitConflictException;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the commit protocol's steps 2 to 6 and the post-commit step for every format. One operation
 * ({@link #start}) first runs commit attempts until one wins ({@link Operation#commit}): each
 * attempt reads the current top, computes the new state and writes it conditionally on the version
 * it read; a {@link PreconditionFailedException} from the attempt means another publisher won, so
 * it backs off with jitter and starts again from a fresh read. Any other exception ends the
 * operation. Then {@link Operation#settle} writes the files derived from the committed top. Both
 * draw on one retry budget, {@link RetryPolicy#maxAttempts()}.
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
   * Starts one operation with a fresh retry budget.
   *
   * @param what names the commit in errors, e.g. {@code "dists/stable"}
   */
  public Operation start(String what) {
    return new Operation(Objects.requireNonNull(what, "what"));
  }

  /**
   * Runs {@code attempt} until it returns without a conflict: {@code start(what).commit(attempt)}
   * for a commit that derives no files.
   *
   * @throws CommitConflictException when every attempt lost
   */
  public <T> T run(String what, Attempt<T> attempt) throws IOException {
    return start(what).commit(attempt);
  }

  /** How many lost races this instance has retried or given up on. */
  public long conflicts() {
    return conflicts.get();
  }

  /**
   * One publish, remove or repair: a commit and then its post-commit step, sharing one retry
   * budget. Not thread-safe: one thread runs one operation.
   */
  public final class Operation {
    private final String what;
    private int failures;

    private Operation(String what) {
      this.what = what;
    }

    /**
     * Runs {@code attempt} until it returns without a conflict.
     *
     * @throws CommitConflictException when the budget ran out with every attempt lost
     */
    public <T> T commit(Attempt<T> attempt) throws IOException {
      PreconditionFailedException last = null;
      while (failures < policy.maxAttempts()) {
        try {
          return attempt.run();
        } catch (PreconditionFailedException e) {
          last = e;
          conflicts.incrementAndGet();
          failures++;
          if (failures < policy.maxAttempts()) {
            backOff(failures);
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

    /**
     * The post-commit step: writes {@code derived}, each file on condition that it is still the
     * version read before the commit it renders, so a slow writer of an older state loses to any
     * write since, even one that dies right after its write. Then re-checks the top: when it is
     * still the version rendered and no write was lost, the files are current; when a newer commit
     * took over, that commit's publisher owns the files and this one stops; when a write was lost
     * but the top is unchanged (an older publisher wrote late), it reads the files' versions again
     * and rewrites them, within what is left of the operation's retry budget (at least one round).
     *
     * @return how it ended; never older files than before
     */
    public Settlement settle(Storage storage, DerivedFiles derived) throws IOException {
      if (derived.isEmpty()) {
        return Settlement.CURRENT;
      }
      ObjectVersions before = derived.before();
      while (true) {
        boolean lost = writeAll(storage, derived.files(), before);
        Optional<Settlement> ended = check(storage, derived);
        if (ended.isPresent() || !lost) {
          return ended.orElse(Settlement.CURRENT);
        }
        conflicts.incrementAndGet();
        failures++;
        if (failures >= policy.maxAttempts()) {
          return Settlement.GAVE_UP;
        }
        backOff(failures);
        before = ObjectVersions.read(storage, derived.files().keySet());
        ended = check(storage, derived);
        if (ended.isPresent()) {
          return ended.get();
        }
      }
    }

    /** How many lost races this operation has met so far. */
    public int failures() {
      return failures;
    }
  }

  /** Empty while the top is still the version the files render; else how settling ends. */
  private static Optional<Settlement> check(Storage storage, DerivedFiles derived)
      throws IOException {
    Optional<ObjectInfo> now = storage.stat(derived.top());
    if (now.isEmpty()) {
      return Optional.of(Settlement.TOP_GONE);
    }
    return now.get().versionToken().equals(derived.topVersion())
        ? Optional.empty()
        : Optional.of(Settlement.SUPERSEDED);
  }

  /** Writes each file conditionally; returns whether any write lost to another writer. */
  private static boolean writeAll(
      Storage storage, Map<ObjectKey, ContentSource> files, ObjectVersions before)
      throws IOException {
    boolean lost = false;
    for (Map.Entry<ObjectKey, ContentSource> file : files.entrySet()) {
      try {
        storage.write(file.getKey(), file.getValue(), before.conditionFor(file.getKey()));
      } catch (PreconditionFailedException e) {
        lost = true;
      }
    }
    return lost;
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
