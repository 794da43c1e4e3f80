package io.pinrepo.debian;

import java.util.List;

/**
 * What a publish or remove changed in a distribution.
 *
 * @param added packages now listed that were not before (or replaced other bytes)
 * @param unchanged packages published again with the same bytes: nothing to do
 * @param removed packages no longer listed: removed, pruned by retention or replaced
 * @param committed whether a new Release was written (false when nothing changed)
 */
public record ChangeReport(
    List<PackageRef> added,
    List<PackageRef> unchanged,
    List<PackageRef> removed,
    boolean committed) {

  /** Copies the lists. */
  public ChangeReport {
    added = List.copyOf(added);
    unchanged = List.copyOf(unchanged);
    removed = List.copyOf(removed);
  }
}
