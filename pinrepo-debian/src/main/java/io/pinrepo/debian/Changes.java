package io.pinrepo.debian;

import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.commit.Settlement;
import io.pinrepo.format.ChangeReport;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Collects what one commit attempt changed, once per package even when it is in many indexes. */
final class Changes {
  private final String component;
  private final Map<String, PackageRef> added = new TreeMap<>();
  private final Map<String, PackageRef> unchanged = new TreeMap<>();
  private final Map<String, PackageRef> removed = new TreeMap<>();
  private final Map<Integer, PinrepoException> conflicts = new TreeMap<>();

  Changes(String component) {
    this.component = component;
  }

  void added(IndexEntry e) {
    added.put(key(e), e.ref(component));
  }

  void unchanged(IndexEntry e) {
    unchanged.put(key(e), e.ref(component));
  }

  void removed(IndexEntry e) {
    removed.put(key(e), e.ref(component));
  }

  /**
   * Records that publishing the file at {@code position} in the batch conflicts with what is
   * listed, as {@code conflict} says (once, though an {@code all} package meets it in every
   * architecture).
   */
  void conflict(int position, PackageConflictException conflict) {
    conflicts.putIfAbsent(position, conflict);
  }

  /** The conflicts met, by position of the file in the batch. */
  SortedMap<Integer, PinrepoException> conflicts() {
    return new TreeMap<>(conflicts);
  }

  /**
   * Refuses the change when it met conflicts: with the one conflict, or with a {@link
   * RefusedBatchException} naming each in the order the files were given.
   */
  void refuseConflicts() throws PinrepoException {
    if (!conflicts.isEmpty()) {
      throw RefusedBatchException.refusal(List.copyOf(conflicts.values()));
    }
  }

  /**
   * The report of this attempt.
   *
   * @param committed whether it wrote a new commit point
   * @param derived how the legacy files ended up
   */
  ChangeReport<PackageRef> report(boolean committed, Settlement derived) {
    return new ChangeReport<>(
        sorted(added.values()),
        sorted(unchanged.values()),
        sorted(removed.values()),
        committed,
        derived);
  }

  private static List<PackageRef> sorted(Collection<PackageRef> refs) {
    return refs.stream().sorted(PackageRef.ORDER).toList();
  }

  private static String key(IndexEntry e) {
    return e.name() + " " + e.version() + " " + e.architecture() + " " + e.filename();
  }
}
