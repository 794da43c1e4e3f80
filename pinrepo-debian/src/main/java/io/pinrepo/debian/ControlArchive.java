package io.pinrepo.debian;

import io.pinrepo.MalformedPackageException;

/**
 * What a control archive may hold: its top directory and plain files in it ({@code control}, {@code
 * md5sums}, maintainer scripts and the like), as deb(5) says. Links, devices, pipes, subdirectories
 * and paths that climb out are refused: a publisher reads the {@code control} entry and must never
 * be led elsewhere by it.
 */
final class ControlArchive {
  private ControlArchive() {}

  /**
   * Checks one entry of a control archive and returns its name without {@code ./}; empty for the
   * top directory.
   */
  static String check(TarWalker.Entry entry, TarWalker walker) throws MalformedPackageException {
    String name = entry.name();
    String shown = TarWalker.printable(name);
    if (climbs(name) || name.startsWith("/")) {
      throw walker.malformed("holds a path outside the control archive (" + shown + ")");
    }
    String path = name.startsWith("./") ? name.substring(2) : name;
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    boolean top = path.isEmpty() || path.equals(".");
    if (entry.type() == '2') {
      throw walker.malformed(
          "holds a symbolic link "
              + shown
              + " -> "
              + TarWalker.printable(entry.linkName())
              + "; a control archive holds plain files only");
    }
    if (entry.type() == '1') {
      throw walker.malformed(
          "holds a hard link "
              + shown
              + " -> "
              + TarWalker.printable(entry.linkName())
              + "; a control archive holds plain files only");
    }
    if (top && entry.isDirectory()) {
      return "";
    }
    if (!entry.isFile()) {
      throw walker.malformed(
          "holds "
              + (entry.isDirectory() ? "a subdirectory" : "a device or pipe")
              + " ("
              + shown
              + "); a control archive holds plain files only");
    }
    if (top || path.contains("/")) {
      throw walker.malformed(
          "holds "
              + shown
              + " outside its top directory; a control archive holds plain files only");
    }
    return path;
  }

  /** Whether {@code path} has a {@code ..} segment. */
  static boolean climbs(String path) {
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
