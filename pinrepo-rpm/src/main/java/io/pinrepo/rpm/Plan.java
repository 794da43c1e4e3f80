package io.pinrepo.rpm;

import io.pinrepo.rpm.repodata.PackageEntry;
import java.util.List;
import java.util.Set;

/**
 * What one commit does to a path's package list, decided from {@code primary.xml} alone: the listed
 * packages it drops (by location) and the entries it adds, and the report of it.
 *
 * @param dropped locations of listed packages no longer listed
 * @param additions entries to add, in {@link PackageEntry#ORDER}
 * @param packages how many packages the new documents list
 * @param added what the report calls added
 * @param unchanged what it calls unchanged
 * @param removed what it calls removed
 */
record Plan(
    Set<String> dropped,
    List<PackageEntry> additions,
    int packages,
    List<RpmRef> added,
    List<RpmRef> unchanged,
    List<RpmRef> removed) {

  /** Copies the collections. */
  Plan {
    dropped = Set.copyOf(dropped);
    additions = additions.stream().sorted(PackageEntry.ORDER).toList();
    added = added.stream().sorted(RpmRef.ORDER).toList();
    unchanged = unchanged.stream().sorted(RpmRef.ORDER).toList();
    removed = removed.stream().sorted(RpmRef.ORDER).toList();
  }

  /** Whether the package list changes. */
  boolean changes() {
    return !dropped.isEmpty() || !additions.isEmpty();
  }
}
