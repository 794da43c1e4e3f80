package io.pinrepo.debian;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Takes the packages a selector matches out of one component's indexes, udebs included. */
final class RemoveEdit implements Edit {
  private final String component;
  private final PackageSelector selector;

  RemoveEdit(String component, PackageSelector selector) {
    this.component = component;
    this.selector = selector;
  }

  @Override
  public String component() {
    return component;
  }

  @Override
  public Set<String> newArchitectures() {
    return Set.of();
  }

  @Override
  public Set<PackageType> newTypes() {
    return Set.of();
  }

  @Override
  public Set<IndexId> touched(SortedSet<String> distArchs, SortedSet<IndexId> existing) {
    Set<IndexId> touched = new TreeSet<>(existing);
    selector
        .architecture()
        .filter(a -> !a.equals("all"))
        .ifPresent(a -> touched.removeIf(index -> !index.arch().equals(a)));
    return touched;
  }

  @Override
  public List<IndexEntry> apply(IndexId index, List<IndexEntry> current, Changes changes) {
    List<IndexEntry> kept = new ArrayList<>();
    for (IndexEntry e : current) {
      if (selector.matches(e)) {
        changes.removed(e);
      } else {
        kept.add(e);
      }
    }
    return kept;
  }
}
