package io.pinrepo.pypi.metadata;

import io.pinrepo.MalformedPackageException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The rules for names inside an archive, shared by the zip and tar readers: every name stays inside
 * the directory the archive would be unpacked into, and so does every link target.
 */
final class EntryNames {
  private EntryNames() {}

  /**
   * Refuses an entry name that is absolute, has a drive letter, a backslash, a NUL or another
   * control character, or a {@code ..} segment.
   */
  static void check(String source, String path) throws MalformedPackageException {
    String problem = null;
    if (path.isEmpty()) {
      problem = "an entry has an empty name";
    } else if (path.startsWith("/")) {
      problem = "entry '" + Printable.of(path) + "' has an absolute path";
    } else if (path.length() > 1 && path.charAt(1) == ':') {
      problem = "entry '" + Printable.of(path) + "' has a drive letter";
    } else if (path.contains("\\")) {
      problem = "entry '" + Printable.of(path) + "' has a backslash";
    } else if (path.chars().anyMatch(Character::isISOControl)) {
      problem = "entry '" + Printable.of(path) + "' has a control character in its name";
    } else {
      for (String segment : path.split("/", -1)) {
        if (segment.equals("..")) {
          problem = "entry '" + Printable.of(path) + "' would be unpacked outside its directory";
        }
      }
    }
    if (problem != null) {
      throw new MalformedPackageException(source, "unsafe archive: " + problem);
    }
  }

  /**
   * Refuses a link whose target, resolved from {@code base} (the link's directory for a symbolic
   * link, the archive's top for a hard link), is absolute or leaves the archive's top directory.
   */
  static void checkLink(String source, String entry, String target, String base, String kind)
      throws MalformedPackageException {
    boolean escapes = target.isEmpty() || target.startsWith("/") || target.contains("\\");
    if (!escapes) {
      Deque<String> path = new ArrayDeque<>();
      for (String s : base.split("/")) {
        if (!s.isEmpty()) {
          path.addLast(s);
        }
      }
      for (String s : target.split("/")) {
        if (s.equals("..")) {
          if (path.isEmpty()) {
            escapes = true;
            break;
          }
          path.removeLast();
        } else if (!s.isEmpty() && !s.equals(".")) {
          path.addLast(s);
        }
      }
    }
    if (escapes) {
      throw new MalformedPackageException(
          source,
          "unsafe archive: "
              + kind
              + " '"
              + Printable.of(entry)
              + "' points to '"
              + Printable.of(target)
              + "', outside the archive");
    }
  }

  /** The directory part of {@code path}, empty at the top. */
  static String parent(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    int slash = trimmed.lastIndexOf('/');
    return slash < 0 ? "" : trimmed.substring(0, slash);
  }
}
