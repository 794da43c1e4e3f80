package io.pinrepo.rpm;

import io.pinrepo.spi.ObjectKey;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one YUM/DNF repository lives in a storage, and the keys of its objects: {@code
 * <path>/repodata/repomd.xml} (the top), {@code repomd.xml.asc} beside it (derived), the
 * content-addressed metadata files under {@code repodata/} and the packages under {@code
 * Packages/<first letter>/}. Locations in repodata are relative to the path, as dnf resolves them
 * against the {@code baseurl}.
 *
 * @param value the path, such as {@code el9/x86_64}: a valid object key with no {@code repodata}
 *     segment, not starting with {@code .pinrepo} (pinrepo's own records)
 */
record RepoPath(String value) implements Comparable<RepoPath> {
  static final String REPODATA = "repodata";
  static final String PACKAGES = "Packages";

  /** Validates the path. */
  RepoPath {
    Objects.requireNonNull(value, "path");
    try {
      ObjectKey.of(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad repository path '" + value + "': " + e.getMessage());
    }
    List<String> segments = List.of(value.split("/"));
    if (segments.contains(REPODATA) || segments.get(0).startsWith(".pinrepo")) {
      throw new IllegalArgumentException(
          "bad repository path '" + value + "': give the directory above repodata/");
    }
  }

  /** {@code repodata/repomd.xml}: the top. */
  ObjectKey repomd() {
    return key(REPODATA + "/repomd.xml");
  }

  /** {@code repodata/repomd.xml.asc}: its detached signature. */
  ObjectKey signature() {
    return key(REPODATA + "/repomd.xml.asc");
  }

  /** The record of metadata files superseded but still kept. */
  ObjectKey superseded() {
    return key(REPODATA + "/pinrepo-superseded");
  }

  /** The key of a location relative to the path. */
  ObjectKey key(String location) {
    return ObjectKey.of(value).resolve(location);
  }

  /** The location, relative to this path, of {@code key}, which lies under it. */
  String relative(ObjectKey key) {
    if (!key.value().startsWith(value + "/")) {
      throw new IllegalArgumentException(key + " is not under " + value);
    }
    return key.value().substring(value.length() + 1);
  }

  /** The prefix of every package file this publisher writes. */
  String packagesPrefix() {
    return value + "/" + PACKAGES + "/";
  }

  /** The prefix of the metadata files. */
  String repodataPrefix() {
    return value + "/" + REPODATA + "/";
  }

  /**
   * Where a package file goes: {@code Packages/<first letter, lower case>/<file name>}, or, when
   * that place holds other bytes (a package of the same file name, removed or differing only in
   * epoch), a directory named by the first 16 hex digits of its SHA-256 beneath it, so that the
   * file name dnf saves stays the same.
   */
  static String location(String fileName, String sha256, boolean alternate) {
    String letter =
        fileName.substring(0, fileName.offsetByCodePoints(0, 1)).toLowerCase(Locale.ROOT);
    String dir = PACKAGES + "/" + letter + "/";
    return alternate ? dir + sha256.substring(0, 16) + "/" + fileName : dir + fileName;
  }

  /** The path beside this one called {@code name}: {@code el9/x86_64} -> {@code el9/SRPMS}. */
  RepoPath sibling(String name) {
    int slash = value.lastIndexOf('/');
    return new RepoPath(slash < 0 ? name : value.substring(0, slash + 1) + name);
  }

  @Override
  public int compareTo(RepoPath other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
