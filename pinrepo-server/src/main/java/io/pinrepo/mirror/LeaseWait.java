package io.pinrepo.mirror;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits, in another process or on another machine than the lease's holder, until the copy is there
 * or the lease is free or stale. Object storage cannot notify, so it looks: a stat of the copy and
 * a stat of the lease, then a pause that starts at {@link #FIRST_PAUSE} and doubles up to {@link
 * #MAX_PAUSE}, each drawn uniformly between half and all of that bound (so waiters spread out), for
 * at most the caller's deadline. A copy that takes {@code t} is noticed within about {@code min(t,
 * MAX_PAUSE)} of its end, at the cost of about {@code log2(t / FIRST_PAUSE)} + {@code t /
 * MAX_PAUSE} pairs of stats.
 *
 * <p>A lease is stale when its version token has not changed for a whole lease duration as this
 * waiter's monotonic clock measures (holders renew three times per duration), or when the storage
 * says it was last written more than two durations ago by this waiter's clock (a lease left by a
 * crash long before). The first rule needs no agreement between clocks.
 */
final class LeaseWait {

  /** The first pause between looks. */
  static final Duration FIRST_PAUSE = Duration.ofMillis(10);

  /** The longest pause between looks. */
  static final Duration MAX_PAUSE = Duration.ofSeconds(1);

  /** What the wait found. */
  sealed interface Outcome {}

  /** The copy is there. */
  record Present(ObjectInfo copy) implements Outcome {}

  /** There is no lease: its holder finished without a copy (it failed), or never was. */
  record Free() implements Outcome {}

  /** The lease of version {@code token} is stale: take it over on that token. */
  record Stale(String token) implements Outcome {}

  private LeaseWait() {}

  /**
   * Looks until something changes or {@code deadlineNanos} (of {@link System#nanoTime()}) passes.
   *
   * @throws CopyWaitTimeoutException at the deadline
   */
  static Outcome await(
      Storage region,
      ObjectKey key,
      String regionName,
      Duration leaseDuration,
      Clock clock,
      long startNanos,
      long deadlineNanos)
      throws IOException {
    ObjectKey leaseKey = Lease.keyOf(key);
    String seenToken = null;
    long seenSince = 0;
    long bound = FIRST_PAUSE.toNanos();
    while (true) {
      Optional<ObjectInfo> copy = region.stat(key);
      if (copy.isPresent()) {
        return new Present(copy.get());
      }
      Optional<ObjectInfo> lease = region.stat(leaseKey);
      if (lease.isEmpty()) {
        return new Free();
      }
      long now = System.nanoTime();
      String token = lease.get().versionToken();
      if (!token.equals(seenToken)) {
        seenToken = token;
        seenSince = now;
      } else if (now - seenSince >= leaseDuration.toNanos()) {
        return new Stale(token);
      }
      if (lease
          .get()
          .lastModified()
          .plus(leaseDuration.multipliedBy(2))
          .isBefore(clock.instant())) {
        return new Stale(token);
      }
      if (now >= deadlineNanos) {
        throw new CopyWaitTimeoutException(key, regionName, Duration.ofNanos(now - startNanos));
      }
      long pause =
          Math.min(
              bound / 2 + ThreadLocalRandom.current().nextLong(bound / 2 + 1), deadlineNanos - now);
      pause(pause);
      bound = Math.min(bound * 2, MAX_PAUSE.toNanos());
    }
  }

  private static void pause(long nanos) throws InterruptedIOException {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a copy");
    }
  }
}
