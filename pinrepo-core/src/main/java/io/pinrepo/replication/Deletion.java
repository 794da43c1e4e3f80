package io.pinrepo.replication;

import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.UnsupportedConditionException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The deletion step of a replication, run once the new tops are in place: objects under the target
 * formats' collectable prefixes that neither the target's live tops nor the source's reach become
 * unreachable from the run that first finds them so, and are deleted by the first run after their
 * grace period, each conditionally on the version listed. An object reached again leaves the
 * record.
 */
final class Deletion {

  /**
   * What the step leaves in the record.
   *
   * @param unreachable the objects still waiting, with when each was first found unreachable
   */
  record Outcome(SortedMap<ObjectKey, Instant> unreachable) {}

  private final Storage target;
  private final List<RepositoryFormat> formats;
  private final Tally tally;
  private final boolean dryRun;

  Deletion(Storage target, List<RepositoryFormat> formats, Tally tally, boolean dryRun) {
    this.target = target;
    this.formats = formats;
    this.tally = tally;
    this.dryRun = dryRun;
  }

  Outcome run(
      List<ObjectInfo> listed,
      Set<ObjectKey> sourceLive,
      SortedMap<ObjectKey, Instant> recorded,
      Duration grace,
      Instant now)
      throws IOException {
    List<String> prefixes = new ArrayList<>();
    Set<ObjectKey> targetLive = new HashSet<>();
    for (RepositoryFormat format : formats) {
      if (format.isPresent(target)) {
        prefixes.addAll(format.collectablePrefixes(target));
        format.markLive(target, o -> targetLive.add(o.key()));
      }
    }
    SortedMap<ObjectKey, Instant> unreachable = new TreeMap<>();
    for (ObjectInfo info : listed) {
      ObjectKey key = info.key();
      if (key.equals(ReplicaRecord.OBJECT)
          || prefixes.stream().noneMatch(key::startsWith)
          || targetLive.contains(key)
          || sourceLive.contains(key)) {
        continue;
      }
      Instant first = recorded.getOrDefault(key, now);
      if (first.plus(grace).isAfter(now)) {
        unreachable.put(key, first);
      } else if (dryRun || delete(info)) {
        tally.deleted(key, info.size());
      }
    }
    return new Outcome(unreachable);
  }

  /** Deletes {@code listed} unless it changed since; false when it did. */
  private boolean delete(ObjectInfo listed) throws IOException {
    Optional<ObjectInfo> now = target.stat(listed.key());
    if (now.isEmpty() || !now.get().versionToken().equals(listed.versionToken())) {
      return false;
    }
    try {
      target.delete(listed.key(), WriteCondition.matches(listed.versionToken()));
    } catch (PreconditionFailedException e) {
      return false;
    } catch (UnsupportedConditionException e) {
      target.delete(listed.key(), WriteCondition.none());
    }
    return true;
  }
}
