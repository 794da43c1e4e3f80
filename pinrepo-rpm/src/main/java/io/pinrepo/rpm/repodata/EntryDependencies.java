package io.pinrepo.rpm.repodata;

import io.pinrepo.rpm.header.Dependency;
import io.pinrepo.rpm.header.DependencyKind;
import io.pinrepo.rpm.header.PackageFile;
import io.pinrepo.rpm.header.RpmPackage;
import io.pinrepo.rpm.version.RpmVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The relations of a package as createrepo_c (0.17) writes them into {@code primary.xml}. */
final class EntryDependencies {
  private static final String LIBC = "libc.so.6";

  /** The last requirement kept for a name: a new one that repeats it is dropped. */
  private record Kept(Comparison comparison, String version, boolean pre) {}

  private final Set<String> files = new HashSet<>();
  private final Set<String> provided = new HashSet<>();
  private final Map<String, Kept> lastRequired = new HashMap<>();
  private final Map<DependencyKind, List<DependencyEntry>> lists =
      new EnumMap<>(DependencyKind.class);
  private DependencyEntry highestLibc;

  private EntryDependencies(RpmPackage pkg) {
    for (PackageFile f : pkg.files()) {
      files.add(f.path());
    }
    for (DependencyKind kind : DependencyKind.values()) {
      lists.put(kind, new ArrayList<>());
    }
  }

  static List<DependencyEntry> of(RpmPackage pkg) {
    EntryDependencies d = new EntryDependencies(pkg);
    boolean requiresDone = false;
    for (Dependency dep : pkg.dependencies()) {
      if (!requiresDone && dep.kind().ordinal() > DependencyKind.REQUIRES.ordinal()) {
        d.finishRequires();
        requiresDone = true;
      }
      d.add(dep);
    }
    if (!requiresDone) {
      d.finishRequires();
    }
    List<DependencyEntry> all = new ArrayList<>();
    for (List<DependencyEntry> list : d.lists.values()) {
      all.addAll(list);
    }
    return all;
  }

  private void add(Dependency dep) {
    Comparison comparison = Comparison.ofSenseFlags(dep.flags());
    String nameFlagsVersion = dep.name() + comparison.attribute() + dep.version();
    boolean pre = false;
    if (dep.kind() == DependencyKind.REQUIRES) {
      if (dep.name().startsWith("rpmlib(")
          || (dep.name().startsWith("/")
              && files.contains(dep.name())
              && PackageEntry.isPrimaryFile(dep.name()))
          || provided.contains(nameFlagsVersion)) {
        return;
      }
      pre = dep.pre();
      Kept last = lastRequired.get(dep.name());
      if (last != null && last.equals(new Kept(comparison, dep.version(), pre))) {
        return;
      }
    }
    Evr evr = Evr.split(dep.version());
    if (evr == null || dep.name().isEmpty()) {
      return; // createrepo_c skips a dependency with a non-numeric epoch; an empty name is not
      // written
    }
    DependencyEntry entry =
        new DependencyEntry(
            dep.kind(), dep.name(), comparison, evr.epoch(), evr.version(), evr.release(), false);
    switch (dep.kind()) {
      case PROVIDES -> {
        provided.add(nameFlagsVersion);
        lists.get(DependencyKind.PROVIDES).add(entry);
      }
      case REQUIRES -> require(dep, entry, pre);
      default -> lists.get(dep.kind()).add(entry);
    }
  }

  private void require(Dependency dep, DependencyEntry entry, boolean pre) {
    if (dep.has(Dependency.MISSINGOK)) {
      // createrepo_c built with legacy weak dependencies (as distributions ship it).
      lists.get(DependencyKind.RECOMMENDS).add(withKind(entry, DependencyKind.RECOMMENDS, false));
      return;
    }
    DependencyEntry required = withKind(entry, DependencyKind.REQUIRES, pre);
    if (dep.name().startsWith(LIBC)) {
      if (highestLibc == null || compareLibc(highestLibc.name(), dep.name()) == 2) {
        highestLibc = required;
      }
      return;
    }
    lists.get(DependencyKind.REQUIRES).add(required);
    lastRequired.put(dep.name(), new Kept(entry.comparison(), dep.version(), pre));
  }

  private void finishRequires() {
    if (highestLibc != null) {
      lists.get(DependencyKind.REQUIRES).add(highestLibc);
      highestLibc = null;
    }
  }

  private static DependencyEntry withKind(DependencyEntry e, DependencyKind kind, boolean pre) {
    return new DependencyEntry(
        kind, e.name(), e.comparison(), e.epoch(), e.version(), e.release(), pre);
  }

  /**
   * createrepo_c's comparison of two {@code libc.so.6(GLIBC_x.y)...} names by the version in their
   * first parentheses: 0 same, 1 the first is higher, 2 the second is, -1 neither can be read.
   */
  static int compareLibc(String a, String b) {
    int openA = a.indexOf('(');
    int openB = b.indexOf('(');
    if (openA < 0 && openB < 0) {
      return 0;
    }
    if (openA < 0 || openB < 0) {
      return openA < 0 ? 2 : 1;
    }
    int closeA = a.indexOf(')', openA);
    int closeB = b.indexOf(')', openB);
    if (closeA < 0 && closeB < 0) {
      return -1;
    }
    if (closeA < 0 || closeB < 0) {
      return closeA < 0 ? 2 : 1;
    }
    int fromA = openA + 1;
    int fromB = openB + 1;
    if (fromA == closeA || fromB == closeB) {
      return fromA == closeA && fromB == closeB ? 0 : fromA == closeA ? 2 : 1;
    }
    fromA = firstDigit(a, fromA);
    fromB = firstDigit(b, fromB);
    if (fromA > closeA || fromB > closeB) {
      return fromA > closeA && fromB > closeB ? 0 : fromA > closeA ? 2 : 1;
    }
    int rc = RpmVersion.rpmvercmp(a.substring(fromA, closeA), b.substring(fromB, closeB));
    return rc < 0 ? 2 : rc;
  }

  private static int firstDigit(String s, int from) {
    while (from < s.length() && (s.charAt(from) < '0' || s.charAt(from) > '9')) {
      from++;
    }
    return from;
  }
}
