package io.pinrepo.debian;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/** A change to one component of a distribution, applied afresh in every commit attempt. */
interface Edit {

  /** The component changed. */
  String component();

  /** Architectures the change brings into the distribution (none for a remove). */
  Set<String> newArchitectures();

  /** Package types the change brings into the component (none for a remove). */
  Set<PackageType> newTypes();

  /**
   * The indexes of the component to recompute.
   *
   * @param distArchs the distribution's architectures, including {@link #newArchitectures()}
   * @param existing the indexes the component has now
   */
  Set<IndexId> touched(SortedSet<String> distArchs, SortedSet<IndexId> existing);

  /**
   * The package names whose entries {@link #apply} reads and whose entries it returns, when the
   * edit needs no others; empty when it reads every entry. With names, {@code apply} is given only
   * the entries of those names, and the other entries stay as they are.
   */
  default Optional<Set<String>> names() {
    return Optional.empty();
  }

  /**
   * The new entries of one index; records what changed, and what conflicts with the listed
   * packages, in {@code changes}.
   */
  List<IndexEntry> apply(IndexId index, List<IndexEntry> current, Changes changes)
      throws IOException;
}
