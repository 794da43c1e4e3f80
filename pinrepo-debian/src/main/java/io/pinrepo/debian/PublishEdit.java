package io.pinrepo.debian;

import io.pinrepo.PackageConflictException;
import io.pinrepo.format.Retention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Adds packages to one component, refusing or replacing conflicts and applying retention to every
 * package given, whether it was added now or was already listed with the same bytes.
 */
final class PublishEdit implements Edit {

  /**
   * One file of a batch.
   *
   * @param position where the file was in the batch, counting malformed files too
   * @param source the file as the caller named it
   * @param type whether it is a .deb or a udeb
   * @param entry its index entry
   */
  record Incoming(int position, String source, PackageType type, IndexEntry entry) {
    Incoming {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(entry, "entry");
    }
  }

  private final String where;
  private final String component;
  private final List<Incoming> incoming;
  private final Retention retention;
  private final boolean replaceOnConflict;

  /**
   * @param dist names the distribution in conflict messages
   */
  PublishEdit(
      String dist,
      String component,
      List<Incoming> incoming,
      Retention retention,
      boolean replaceOnConflict) {
    this.where = dist + "/" + component;
    this.component = component;
    this.incoming = List.copyOf(incoming);
    this.retention = retention;
    this.replaceOnConflict = replaceOnConflict;
  }

  @Override
  public String component() {
    return component;
  }

  @Override
  public Set<String> newArchitectures() {
    Set<String> archs = new TreeSet<>();
    incoming.stream()
        .map(i -> i.entry().architecture())
        .filter(a -> !a.equals("all"))
        .forEach(archs::add);
    return archs;
  }

  @Override
  public Set<PackageType> newTypes() {
    Set<PackageType> types = new TreeSet<>();
    incoming.forEach(i -> types.add(i.type()));
    return types;
  }

  @Override
  public Set<IndexId> touched(SortedSet<String> distArchs, SortedSet<IndexId> existing) {
    Set<IndexId> touched = new TreeSet<>();
    for (Incoming i : incoming) {
      String arch = i.entry().architecture();
      if (arch.equals("all")) {
        distArchs.forEach(a -> touched.add(new IndexId(i.type(), a)));
      } else {
        touched.add(new IndexId(i.type(), arch));
      }
    }
    return touched;
  }

  @Override
  public Optional<Set<String>> names() {
    Set<String> names = new HashSet<>();
    incoming.forEach(i -> names.add(i.entry().name()));
    return Optional.of(names);
  }

  /**
   * Linear in the entries and the incoming packages: entries are grouped by name and architecture,
   * and each incoming package looks only at its group.
   */
  @Override
  public List<IndexEntry> apply(IndexId index, List<IndexEntry> current, Changes changes) {
    Map<String, List<IndexEntry>> groups = new LinkedHashMap<>();
    current.forEach(e -> group(groups, e).add(e));
    List<IndexEntry> placed = new ArrayList<>();
    List<IndexEntry> published = new ArrayList<>();
    for (Incoming i : incoming) {
      IndexEntry e = i.entry();
      if (i.type() != index.type()
          || !(e.architecture().equals(index.arch()) || e.architecture().equals("all"))) {
        continue;
      }
      List<IndexEntry> group = group(groups, e);
      IndexEntry existing = find(group, e);
      if (existing != null && existing.sha256().equals(e.sha256())) {
        changes.unchanged(existing);
        published.add(existing);
        continue;
      }
      if (existing != null) {
        if (!replaceOnConflict) {
          changes.conflict(i.position(), conflict(i, existing));
          continue;
        }
        group.remove(existing);
        published.remove(existing);
        if (!placed.remove(existing)) {
          changes.removed(existing);
        }
      }
      group.add(e);
      placed.add(e);
      published.add(e);
      changes.added(e);
    }
    for (IndexEntry e : published) {
      prune(group(groups, e), e, changes);
    }
    List<IndexEntry> entries = new ArrayList<>(current.size() + placed.size());
    groups.values().forEach(entries::addAll);
    return entries;
  }

  private static List<IndexEntry> group(Map<String, List<IndexEntry>> groups, IndexEntry e) {
    return groups.computeIfAbsent(e.name() + ' ' + e.architecture(), k -> new ArrayList<>());
  }

  private void prune(List<IndexEntry> group, IndexEntry published, Changes changes) {
    for (IndexEntry x :
        retention.dropped(
            List.copyOf(group), published, Comparator.comparing(IndexEntry::version))) {
      if (group.remove(x)) {
        changes.removed(x);
      }
    }
  }

  private static IndexEntry find(List<IndexEntry> group, IndexEntry e) {
    for (IndexEntry x : group) {
      if (x.sameIdentity(e)) {
        return x;
      }
    }
    return null;
  }

  private PackageConflictException conflict(Incoming i, IndexEntry existing) {
    return new PackageConflictException(
        i.source()
            + ": "
            + existing.name()
            + " "
            + existing.version()
            + " ("
            + existing.architecture()
            + ") is already in "
            + where
            + " with other bytes (listed sha256 "
            + existing.sha256()
            + ", this file "
            + i.entry().sha256()
            + ")");
  }
}
