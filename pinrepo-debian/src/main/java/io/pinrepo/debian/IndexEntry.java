package io.pinrepo.debian;

import io.pinrepo.debian.control.ControlParagraph;
import io.pinrepo.format.LiveObject;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectKey;
import java.util.Comparator;

/**
 * One stanza of a {@code Packages} index with its identity parsed out.
 *
 * @param stanza the stanza: the package's control paragraph plus the repository fields
 * @param name the {@code Package} field
 * @param version the {@code Version} field
 * @param architecture the {@code Architecture} field
 * @param filename the {@code Filename} field (pool path)
 */
record IndexEntry(
    ControlParagraph stanza,
    String name,
    DebianVersion version,
    String architecture,
    String filename) {

  /** Index order: name, version (dpkg order), architecture, file name. */
  static final Comparator<IndexEntry> ORDER =
      Comparator.comparing(IndexEntry::name)
          .thenComparing(IndexEntry::version)
          .thenComparing(IndexEntry::architecture)
          .thenComparing(IndexEntry::filename);

  /** Parses the identity out of a stanza read from an index. */
  static IndexEntry of(ControlParagraph stanza) {
    return new IndexEntry(
        stanza,
        stanza.require("Package"),
        DebianVersion.parse(stanza.require("Version")),
        stanza.require("Architecture"),
        stanza.require("Filename"));
  }

  /** The stanza for {@code deb} stored at {@code poolPath}: its control plus size and digests. */
  static IndexEntry of(DebPackage deb, String poolPath) {
    Digests d = deb.digests();
    ControlParagraph stanza =
        deb.control()
            .with("Filename", poolPath)
            .with("Size", Long.toString(d.size()))
            .with("MD5sum", d.md5())
            .with("SHA1", d.sha1())
            .with("SHA256", d.sha256())
            .with("SHA512", d.sha512());
    return of(stanza);
  }

  /** The file's size, as listed. */
  long size() {
    return Long.parseLong(stanza.require("Size"));
  }

  /**
   * The pool file as a live blob, with the size and SHA-256 listed; without them when the entry
   * lists them malformed (verify reports that), so GC still keeps the file.
   */
  LiveObject poolFile() {
    ObjectKey key = ObjectKey.of(filename);
    try {
      return LiveObject.blob(key, size(), sha256());
    } catch (IllegalArgumentException | IllegalStateException malformed) {
      return LiveObject.blob(key);
    }
  }

  /** The file's SHA-256, as listed. */
  String sha256() {
    return stanza.require("SHA256");
  }

  /** Whether {@code other} is the same package: name, architecture and an equal version. */
  boolean sameIdentity(IndexEntry other) {
    return name.equals(other.name)
        && architecture.equals(other.architecture)
        && version.equals(other.version);
  }

  /** The public view of this entry. */
  PackageRef ref(String component) {
    return new PackageRef(
        component,
        name,
        version.toString(),
        architecture,
        ObjectKey.of(filename),
        size(),
        sha256());
  }
}
