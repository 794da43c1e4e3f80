package io.pinrepo.debian;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/** A change to one component of a distribution, applied afresh in every commit attempt. */
interface Edit {

  /** The component changed. */
  String component();

  /** Architectures the change brings into the distribution (none for a remove). */
  Set<String> newArchitectures();

  /**
   * The architecture indexes of the component to recompute.
   *
   * @param distArchs the distribution's architectures, including {@link #newArchitectures()}
   * @param componentArchs those the component has indexes for now
   */
  Set<String> touched(SortedSet<String> distArchs, SortedSet<String> componentArchs);

  /**
   * The new entries of one architecture index; records what changed, and what conflicts with the
   * listed packages, in {@code changes}.
   */
  List<IndexEntry> apply(String arch, List<IndexEntry> current, Changes changes) throws IOException;
}
