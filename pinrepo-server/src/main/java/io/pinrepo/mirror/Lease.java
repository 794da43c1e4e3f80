package io.pinrepo.mirror;

import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.UnsupportedConditionException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The right to copy one object into one region, held as a lease object in the region storage: a
 * small text object under {@code .pinrepo/mirror/leases/SHA256(key)}, created with {@link
 * WriteCondition#mustBeAbsent()} (or, to take over a dead holder's, written on the version token
 * the waiter saw go stale), renewed every third of its duration by a conditional write on its own
 * token (each renewal changes the content, so the token changes on every backend), and deleted on
 * its token when the copy is done or failed. A holder whose renewal finds another token has lost
 * the lease: {@link #check()} then throws, which aborts its copy.
 */
final class Lease implements AutoCloseable {

  static final String PREFIX = ".pinrepo/mirror/leases/";

  private final Storage region;
  private final ObjectKey leaseKey;
  private final ObjectKey key;
  private final String holder;
  private final Duration duration;
  private final Clock clock;
  private final ScheduledFuture<?> renewal;
  private volatile String token;
  private volatile long renewedNanos;
  private volatile boolean lost;
  private long renewals;

  private Lease(
      Storage region,
      ObjectKey key,
      String holder,
      Duration duration,
      Clock clock,
      ObjectInfo written,
      ScheduledExecutorService renewer) {
    this.region = region;
    this.leaseKey = keyOf(key);
    this.key = key;
    this.holder = holder;
    this.duration = duration;
    this.clock = clock;
    this.token = written.versionToken();
    this.renewedNanos = System.nanoTime();
    long every = Math.max(1, duration.toMillis() / 3);
    this.renewal = renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /** The lease object's key for {@code key}: fixed length, whatever the key's. */
  static ObjectKey keyOf(ObjectKey key) {
    byte[] hash =
        HashAlgorithm.SHA256.newDigest().digest(key.value().getBytes(StandardCharsets.UTF_8));
    return ObjectKey.of(PREFIX + HexFormat.of().formatHex(hash));
  }

  /**
   * Takes the lease on {@code key} in {@code region}: creates it when {@code staleToken} is empty,
   * else replaces the lease of that version (a holder that stopped renewing). Empty when another
   * holder got there first.
   */
  static Optional<Lease> take(
      Storage region,
      ObjectKey key,
      Optional<String> staleToken,
      String holder,
      Duration duration,
      Clock clock,
      ScheduledExecutorService renewer)
      throws IOException {
    WriteCondition condition =
        staleToken.map(WriteCondition::matches).orElse(WriteCondition.mustBeAbsent());
    try {
      ObjectInfo written =
          region.write(keyOf(key), body(key, holder, 0, clock, duration), condition);
      return Optional.of(new Lease(region, key, holder, duration, clock, written, renewer));
    } catch (PreconditionFailedException e) {
      return Optional.empty();
    }
  }

  /** Throws when the lease was lost (taken over, or not renewed within its duration). */
  void check() throws IOException {
    if (lost || System.nanoTime() - renewedNanos > duration.toNanos()) {
      lost = true;
      throw new IOException(
          "lost the lease on copying " + key + " (not renewed within " + duration + ")");
    }
  }

  /** Stops renewing and deletes the lease object if it is still this holder's. */
  @Override
  public void close() throws IOException {
    renewal.cancel(false);
    synchronized (this) {
      if (lost) {
        return;
      }
      lost = true;
      try {
        region.delete(leaseKey, WriteCondition.matches(token));
      } catch (UnsupportedConditionException e) {
        // no conditional delete (s3proxy): delete only if it is still ours, a stat before
        Optional<ObjectInfo> now = region.stat(leaseKey);
        if (now.isPresent() && now.get().versionToken().equals(token)) {
          region.delete(leaseKey, WriteCondition.none());
        }
      } catch (PreconditionFailedException | ObjectNotFoundException e) {
        // taken over meanwhile: the new holder's to delete
      }
    }
  }

  /** Renews the lease now (the renewer does so every third of its duration). */
  synchronized void renew() {
    if (lost) {
      return;
    }
    try {
      ObjectInfo written =
          region.write(
              leaseKey,
              body(key, holder, ++renewals, clock, duration),
              WriteCondition.matches(token));
      token = written.versionToken();
      renewedNanos = System.nanoTime();
    } catch (PreconditionFailedException | ObjectNotFoundException e) {
      lost = true;
    } catch (IOException | RuntimeException e) {
      // a transient failure: the next renewal tries again; check() ends the copy if none succeeds
    }
  }

  private static ContentSource body(
      ObjectKey key, String holder, long renewal, Clock clock, Duration duration) {
    return ContentSource.ofUtf8(
        "pinrepo-mirror-lease 1\nkey\t"
            + key
            + "\nholder\t"
            + holder
            + "\nrenewal\t"
            + renewal
            + "\nwritten\t"
            + clock.instant()
            + "\nduration\t"
            + duration
            + "\n");
  }
}
