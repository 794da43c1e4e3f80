package io.pinrepo.replication;

import io.pinrepo.spi.ObjectKey;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one replication did (or, in a dry run, would do).
 *
 * @param formats the formats found in the source and copied
 * @param copied objects written to the target
 * @param skipped objects the target held already (same key and size for blobs, same digest for
 *     derived files and tops)
 * @param deleted objects deleted from the target
 * @param bytes bytes written to the target (in a dry run, the bytes that would be, where known)
 * @param rounds how many times the source was marked: one more for each time its tops moved during
 *     the run, and one more on a first run, which learns the tops
 * @param awaitingDeletion objects nothing reaches any more that stay in the target until their
 *     grace period is over (only counted with deletion on)
 * @param dryRun whether nothing was written
 * @param sourceTops the source's tops copied, each with the version token copied (empty for a top
 *     absent in the source): what a watch compares against
 */
public record ReplicationReport(
    List<String> formats,
    long copied,
    long skipped,
    long deleted,
    long bytes,
    int rounds,
    long awaitingDeletion,
    boolean dryRun,
    SortedMap<ObjectKey, Optional<String>> sourceTops) {

  /** Copies the collections. */
  public ReplicationReport {
    formats = List.copyOf(formats);
    sourceTops = Collections.unmodifiableSortedMap(new TreeMap<>(sourceTops));
  }

  /** Whether the run changed the target. */
  public boolean changedTarget() {
    return !dryRun && (copied > 0 || deleted > 0);
  }
}
