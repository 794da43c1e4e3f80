package io.pinrepo.mirror;

import io.pinrepo.access.AccessStats;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.UnsupportedConditionException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Deletes copies from one region storage, least recently used first: those unused for a period, or
 * as many as it takes to bring the region within a byte budget. A copy's last use is its latest
 * request in the access counts the mirror server wrote into the region ({@code .pinrepo/access/},
 * see {@link io.pinrepo.access.AccessRecorder}), or the time it was copied if that is later. The
 * origin is never touched: a deleted copy is made again on its next request.
 *
 * <p>Every object of the region storage outside {@code .pinrepo/} is taken for a copy: give a
 * mirror region a storage (or prefix) of its own. Lease and temporary objects under {@code
 * .pinrepo/mirror/} older than a day were left by a crash and are deleted too.
 *
 * <p>Counts reach the storage once per access period, so uses within the current period are not
 * seen yet: keep {@code unusedFor} well above the server's period. A copy deleted while a client is
 * being redirected to it answers that client 404; its next request copies it again. Each deletion
 * is conditional on the version listed, so a copy made again meanwhile is kept.
 */
public final class MirrorExpiry {

  private static final Duration LEFTOVER_AGE = Duration.ofDays(1);

  private final Storage region;
  private final String name;
  private final Clock clock;

  private MirrorExpiry(Storage region, String name, Clock clock) {
    this.region = Objects.requireNonNull(region, "region");
    this.name = Objects.requireNonNull(name, "name");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Expiry for the region {@code name} (as its access counts name it) stored in {@code region}. */
  public static MirrorExpiry of(Storage region, String name, Clock clock) {
    return new MirrorExpiry(region, name, clock);
  }

  /**
   * Deletes (or in a dry run, lists) the copies {@code rule} selects, least recently used first.
   *
   * @throws IOException when the storage fails or an access count cannot be read
   */
  public ExpiryResult run(ExpiryRule rule, boolean dryRun) throws IOException {
    Map<ObjectKey, Instant> lastAccess = AccessStats.lastAccess(region, name);
    List<ExpiryResult.Copy> copies = new ArrayList<>();
    List<ObjectInfo> infos = new ArrayList<>();
    long leftovers = 0;
    Instant now = clock.instant();
    try (ObjectListing listing = region.list("")) {
      while (listing.hasNext()) {
        ObjectInfo info = listing.next();
        if (isLeftover(info, now)) {
          leftovers += dryRun || delete(info) ? 1 : 0;
        } else if (!info.key().segments().get(0).equals(".pinrepo")) {
          Instant used = lastAccess.getOrDefault(info.key(), Instant.MIN);
          Instant lastUse = used.isAfter(info.lastModified()) ? used : info.lastModified();
          copies.add(new ExpiryResult.Copy(info.key(), info.size(), lastUse));
          infos.add(info);
        }
      }
    }
    List<Integer> order = lruOrder(copies);
    List<ExpiryResult.Copy> expired = new ArrayList<>();
    long total = copies.stream().mapToLong(ExpiryResult.Copy::size).sum();
    long kept = copies.size();
    for (int i : order) {
      ExpiryResult.Copy copy = copies.get(i);
      if (!selected(rule, copy, total, now)) {
        if (rule instanceof ExpiryRule.MaxBytes) {
          break; // within budget: every later copy was used more recently
        }
        continue;
      }
      if (dryRun || delete(infos.get(i))) {
        expired.add(copy);
        total -= copy.size();
        kept--;
      }
    }
    return new ExpiryResult(name, expired, kept, total, leftovers, dryRun);
  }

  private static boolean selected(
      ExpiryRule rule, ExpiryResult.Copy copy, long total, Instant now) {
    if (rule instanceof ExpiryRule.MaxBytes m) {
      return total > m.bytes();
    }
    Duration period = ((ExpiryRule.UnusedFor) rule).period();
    return copy.lastUse().isBefore(now.minus(period));
  }

  private static List<Integer> lruOrder(List<ExpiryResult.Copy> copies) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < copies.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparing((Integer i) -> copies.get(i).lastUse())
            .thenComparing(i -> copies.get(i).key()));
    return order;
  }

  private static boolean isLeftover(ObjectInfo info, Instant now) {
    String key = info.key().value();
    return (key.startsWith(Lease.PREFIX) || key.startsWith(Copier.TMP))
        && info.lastModified().isBefore(now.minus(LEFTOVER_AGE));
  }

  /** Deletes {@code info}'s version; false when it changed since the listing. */
  private boolean delete(ObjectInfo info) throws IOException {
    try {
      region.delete(info.key(), WriteCondition.matches(info.versionToken()));
      return true;
    } catch (PreconditionFailedException e) {
      return false;
    } catch (UnsupportedConditionException e) {
      Optional<ObjectInfo> now = region.stat(info.key());
      if (now.isEmpty() || !now.get().versionToken().equals(info.versionToken())) {
        return false;
      }
      region.delete(info.key(), WriteCondition.none());
      return true;
    }
  }
}
