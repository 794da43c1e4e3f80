package io.pinrepo.format;

import io.pinrepo.commit.Settlement;
import java.util.List;
import java.util.Objects;

/**
 * What one publish, remove or other change did to a repository: the result every format returns.
 *
 * @param added entries now listed that were not before (or that replaced other bytes)
 * @param unchanged entries given again with the same bytes: nothing to do
 * @param removed entries no longer listed: removed, pruned by retention or replaced
 * @param committed whether a new top was written (false when nothing changed)
 * @param derived how the files derived from the top (legacy index paths, checksum files, HTML
 *     pages) ended up; {@link Settlement#CURRENT} when nothing was committed
 * @param <E> the format's entry type
 */
public record ChangeReport<E extends Entry>(
    List<E> added, List<E> unchanged, List<E> removed, boolean committed, Settlement derived) {

  /** Copies the lists. */
  public ChangeReport {
    added = List.copyOf(added);
    unchanged = List.copyOf(unchanged);
    removed = List.copyOf(removed);
    Objects.requireNonNull(derived, "derived");
  }

  /** A report of a change that committed nothing. */
  public static <E extends Entry> ChangeReport<E> unchanged(List<E> unchanged) {
    return new ChangeReport<>(List.of(), unchanged, List.of(), false, Settlement.CURRENT);
  }

  /** Whether the repository changed. */
  public boolean changed() {
    return committed;
  }
}
