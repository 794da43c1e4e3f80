package io.pinrepo.debian;

import io.pinrepo.PackageConflictException;
import io.pinrepo.format.Retention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Adds packages to one component, refusing or replacing conflicts and applying retention. */
final class PublishEdit implements Edit {
  private final String component;
  private final List<IndexEntry> incoming;
  private final Retention retention;
  private final boolean replaceOnConflict;

  PublishEdit(String component, List<IndexEntry> incoming, Retention retention, boolean replace) {
    this.component = component;
    this.incoming = List.copyOf(incoming);
    this.retention = retention;
    this.replaceOnConflict = replace;
  }

  @Override
  public String component() {
    return component;
  }

  @Override
  public Set<String> newArchitectures() {
    Set<String> archs = new TreeSet<>();
    incoming.stream()
        .map(IndexEntry::architecture)
        .filter(a -> !a.equals("all"))
        .forEach(archs::add);
    return archs;
  }

  @Override
  public Set<String> touched(SortedSet<String> distArchs, SortedSet<String> componentArchs) {
    Set<String> touched = new TreeSet<>(newArchitectures());
    if (incoming.stream().anyMatch(e -> e.architecture().equals("all"))) {
      touched.addAll(distArchs);
    }
    distArchs.stream().filter(a -> !componentArchs.contains(a)).forEach(touched::add);
    return touched;
  }

  @Override
  public List<IndexEntry> apply(String arch, List<IndexEntry> current, Changes changes) {
    List<IndexEntry> entries = new ArrayList<>(current);
    List<IndexEntry> placed = new ArrayList<>();
    for (int i = 0; i < incoming.size(); i++) {
      IndexEntry e = incoming.get(i);
      if (!e.architecture().equals(arch) && !e.architecture().equals("all")) {
        continue;
      }
      IndexEntry existing = find(entries, e);
      if (existing != null && existing.sha256().equals(e.sha256())) {
        changes.unchanged(existing);
        continue;
      }
      if (existing != null) {
        if (!replaceOnConflict) {
          changes.conflict(i, conflict(existing, e));
          continue;
        }
        entries.remove(existing);
        if (!placed.remove(existing)) {
          changes.removed(existing);
        }
      }
      entries.add(e);
      placed.add(e);
      changes.added(e);
    }
    for (IndexEntry e : placed) {
      prune(entries, e, changes);
    }
    return entries;
  }

  private void prune(List<IndexEntry> entries, IndexEntry published, Changes changes) {
    List<IndexEntry> group =
        entries.stream()
            .filter(
                x ->
                    x.name().equals(published.name())
                        && x.architecture().equals(published.architecture()))
            .toList();
    for (IndexEntry x :
        retention.dropped(group, published, Comparator.comparing(IndexEntry::version))) {
      if (entries.remove(x)) {
        changes.removed(x);
      }
    }
  }

  private static IndexEntry find(List<IndexEntry> entries, IndexEntry e) {
    return entries.stream().filter(x -> x.sameIdentity(e)).findFirst().orElse(null);
  }

  private PackageConflictException conflict(IndexEntry existing, IndexEntry e) {
    return new PackageConflictException(
        existing.name()
            + " "
            + existing.version()
            + " ("
            + existing.architecture()
            + ") is already in "
            + component
            + " with other bytes (sha256 "
            + existing.sha256()
            + ", new "
            + e.sha256()
            + ")");
  }
}
