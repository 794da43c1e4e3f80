package io.pinrepo.gc;

import io.pinrepo.format.RepositoryFormat;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deletes blobs that no live top reaches: mark from every format's tops, sweep the collectable
 * prefixes, spare anything younger than the grace period.
 *
 * <p>Safe against concurrent publishers: a publisher's new blobs are younger than the grace period
 * until its commit names them; the mark is taken a second time after the listing, so a commit that
 * lands during the sweep protects what it names; and each deletion is conditional on the version
 * seen in the listing and preceded by a fresh stat, so a blob that a publisher re-used (and so
 * refreshed, see {@link io.pinrepo.commit.Blobs}) after the listing is not deleted. The grace
 * period must exceed the longest publish and {@link io.pinrepo.commit.Blobs#REFRESH_AFTER}: a
 * re-used blob younger than that is not refreshed, so only the grace period keeps it from a
 * concurrent sweep.
 */
public final class GarbageCollector {

  private final List<RepositoryFormat> formats;
  private final Clock clock;

  /** Collects for these formats, judging age by {@code clock}. */
  public GarbageCollector(List<RepositoryFormat> formats, Clock clock) {
    this.formats = List.copyOf(formats);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What a run found (in a dry run) or deleted.
   *
   * @param formatsFound the formats present
   * @param live how many objects the mark reached
   * @param collected the unreachable objects older than the grace period: deleted, or in a dry run
   *     those that would be
   * @param spared unreachable objects kept because they are younger than the grace period or
   *     changed during the run
   * @param dryRun whether nothing was deleted
   */
  public record Result(
      List<String> formatsFound,
      long live,
      List<ObjectInfo> collected,
      long spared,
      boolean dryRun) {
    /** Copies the lists. */
    public Result {
      formatsFound = List.copyOf(formatsFound);
      collected = List.copyOf(collected);
    }

    /** The bytes of {@link #collected()}. */
    public long collectedBytes() {
      return collected.stream().mapToLong(ObjectInfo::size).sum();
    }
  }

  /**
   * Runs one collection.
   *
   * @param grace objects younger than this are never deleted
   * @param dryRun report what would go without deleting
   * @param progress receives each object as it is collected
   */
  public Result run(Storage storage, Duration grace, boolean dryRun, Consumer<ObjectInfo> progress)
      throws IOException {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("negative grace period " + grace);
    }
    Instant cutoff = clock.instant().minus(grace);
    List<RepositoryFormat> present = new ArrayList<>();
    for (RepositoryFormat format : formats) {
      if (format.isPresent(storage)) {
        present.add(format);
      }
    }
    Set<ObjectKey> live = mark(storage, present);
    Set<String> prefixes = new LinkedHashSet<>();
    for (RepositoryFormat format : present) {
      prefixes.addAll(format.collectablePrefixes(storage));
    }
    List<ObjectInfo> candidates = new ArrayList<>();
    long spared = 0;
    Set<ObjectKey> seen = new HashSet<>();
    for (String prefix : prefixes) {
      try (ObjectListing listing = storage.list(prefix)) {
        while (listing.hasNext()) {
          ObjectInfo info = listing.next();
          if (!seen.add(info.key()) || live.contains(info.key())) {
            continue;
          }
          if (info.lastModified().isAfter(cutoff)) {
            spared++;
          } else {
            candidates.add(info);
          }
        }
      }
    }
    // Second mark: commits that landed while we listed protect what they name.
    Set<ObjectKey> liveAgain = mark(storage, present);
    List<ObjectInfo> collected = new ArrayList<>();
    for (ObjectInfo candidate : candidates) {
      if (liveAgain.contains(candidate.key())) {
        spared++;
        continue;
      }
      if (!dryRun && !delete(storage, candidate, cutoff)) {
        spared++;
        continue;
      }
      collected.add(candidate);
      progress.accept(candidate);
    }
    return new Result(
        present.stream().map(RepositoryFormat::name).toList(),
        liveAgain.size(),
        collected,
        spared,
        dryRun);
  }

  private static Set<ObjectKey> mark(Storage storage, List<RepositoryFormat> present)
      throws IOException {
    Set<ObjectKey> live = new HashSet<>();
    for (RepositoryFormat format : present) {
      format.markLive(storage, object -> live.add(object.key()));
    }
    return live;
  }

  /**
   * Deletes {@code candidate} unless it changed since the listing. A fresh stat comes first: on S3
   * the version token is a content hash, so a blob refreshed with the same bytes keeps its token
   * but not its age. Then the delete is conditional on the token where the backend can do that; a
   * backend that cannot (s3proxy, some S3-compatible servers) is deleted from right after the stat,
   * which leaves only the milliseconds between the two for a publisher to re-use the blob.
   */
  private static boolean delete(Storage storage, ObjectInfo candidate, Instant cutoff)
      throws IOException {
    Optional<ObjectInfo> now = storage.stat(candidate.key());
    if (now.isEmpty()
        || now.get().lastModified().isAfter(cutoff)
        || !now.get().versionToken().equals(candidate.versionToken())) {
      return false; // gone, refreshed or replaced since the listing: someone is using it
    }
    try {
      storage.delete(candidate.key(), WriteCondition.matches(candidate.versionToken()));
      return true;
    } catch (PreconditionFailedException e) {
      return false;
    } catch (UnsupportedConditionException e) {
      storage.delete(candidate.key(), WriteCondition.none());
      return true;
    }
  }
}
