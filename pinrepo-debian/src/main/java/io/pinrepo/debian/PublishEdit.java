package io.pinrepo.debian;

import io.pinrepo.PackageConflictException;
import io.pinrepo.format.Retention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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
  public List<IndexEntry> apply(IndexId index, List<IndexEntry> current, Changes changes) {
    List<IndexEntry> entries = new ArrayList<>(current);
    List<IndexEntry> placed = new ArrayList<>();
    List<IndexEntry> published = new ArrayList<>();
    for (Incoming i : incoming) {
      IndexEntry e = i.entry();
      if (i.type() != index.type()
          || !(e.architecture().equals(index.arch()) || e.architecture().equals("all"))) {
        continue;
      }
      IndexEntry existing = find(entries, e);
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
        entries.remove(existing);
        published.remove(existing);
        if (!placed.remove(existing)) {
          changes.removed(existing);
        }
      }
      entries.add(e);
      placed.add(e);
      published.add(e);
      changes.added(e);
    }
    for (IndexEntry e : published) {
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
