package io.pinrepo.build;

import io.pinrepo.build.manifest.FileEntry;
import io.pinrepo.build.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How a refused build differs from the published one, in one line that names every file. */
final class Differences {
  private Differences() {}

  /** The most differences named before the rest are counted. */
  static final int MAX_NAMED = 5;

  /**
   * Every way {@code mine} differs from {@code published}, separated by {@code "; "}: files whose
   * bytes differ, files only one of them has, and the metadata.
   */
  static String between(Manifest published, Manifest mine) {
    List<String> differences = new ArrayList<>();
    for (FileEntry p : published.files()) {
      Optional<FileEntry> m = mine.file(p.path());
      if (m.isEmpty()) {
        differences.add("the published build also has " + p.path());
      } else if (!m.get().equals(p)) {
        differences.add(
            p.path()
                + " is published with sha256 "
                + p.sha256()
                + " and "
                + p.size()
                + " bytes, this one has "
                + m.get().sha256()
                + " and "
                + m.get().size()
                + " bytes");
      }
    }
    for (FileEntry m : mine.files()) {
      if (published.file(m.path()).isEmpty()) {
        differences.add(m.path() + " is not in the published build");
      }
    }
    if (!published.metadata().equals(mine.metadata())) {
      differences.add(
          "metadata " + published.metadata() + " is published, this one has " + mine.metadata());
    }
    if (differences.size() > MAX_NAMED) {
      int more = differences.size() - MAX_NAMED;
      differences = new ArrayList<>(differences.subList(0, MAX_NAMED));
      differences.add("and " + more + " more");
    }
    return String.join("; ", differences);
  }
}
