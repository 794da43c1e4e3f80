package io.pinrepo.debian;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects what one commit attempt changed, once per package even when it is in many indexes. */
final class Changes {
  private final String component;
  private final Map<String, PackageRef> added = new TreeMap<>();
  private final Map<String, PackageRef> unchanged = new TreeMap<>();
  private final Map<String, PackageRef> removed = new TreeMap<>();

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

  ChangeReport report(boolean committed) {
    return new ChangeReport(
        sorted(added.values()), sorted(unchanged.values()), sorted(removed.values()), committed);
  }

  private static List<PackageRef> sorted(Collection<PackageRef> refs) {
    return refs.stream()
        .sorted(
            Comparator.comparing(PackageRef::name)
                .thenComparing(PackageRef::version)
                .thenComparing(PackageRef::architecture)
                .thenComparing(PackageRef::filename))
        .toList();
  }

  private static String key(IndexEntry e) {
    return e.name() + " " + e.version() + " " + e.architecture() + " " + e.filename();
  }
}
