package io.pinrepo.mirror;

import io.pinrepo.spi.ObjectKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link MirrorExpiry#run} deleted from a region (or, in a dry run, would delete).
 *
 * @param region the region's name
 * @param expired the copies deleted, least recently used first
 * @param kept how many copies remain
 * @param keptBytes their bytes
 * @param leftovers how many abandoned lease and temporary objects (older than a day) were deleted
 * @param dryRun whether nothing was deleted
 */
public record ExpiryResult(
    String region, List<Copy> expired, long kept, long keptBytes, long leftovers, boolean dryRun) {

  /**
   * One copy in a region.
   *
   * @param key its key
   * @param size its bytes
   * @param lastUse its latest recorded request, or when it was copied if later
   */
  public record Copy(ObjectKey key, long size, Instant lastUse) {
    /** Rejects nulls. */
    public Copy {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(lastUse, "lastUse");
    }
  }

  /** Copies the list. */
  public ExpiryResult {
    Objects.requireNonNull(region, "region");
    expired = List.copyOf(expired);
  }

  /** The bytes of {@link #expired()}. */
  public long expiredBytes() {
    return expired.stream().mapToLong(Copy::size).sum();
  }
}
