package io.pinrepo.rpm.repodata;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.rpm.header.PackageFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code primary.xml}, {@code filelists.xml} and {@code other.xml} back together, one {@link
 * PackageEntry} at a time, in constant memory: what a publisher copies into new repodata instead of
 * re-reading the package files. The three documents must list the same packages in the same order
 * (as {@link RepodataWriter} and createrepo_c write them); an entry read back renders to the same
 * bytes.
 *
 * <p>Reads uncompressed XML without DTDs or external entities; does not close the streams. Not
 * thread-safe.
 */
public final class RepodataReader {
  private final XmlCursor primary;
  private final XmlCursor filelists;
  private final XmlCursor other;
  private final int packages;
  private int read;

  private RepodataReader(XmlCursor primary, XmlCursor filelists, XmlCursor other, int packages) {
    this.primary = primary;
    this.filelists = filelists;
    this.other = other;
    this.packages = packages;
  }

  /**
   * Opens the three documents of the repodata at {@code source} and reads their root elements.
   *
   * @param source where the repodata is, for messages (such as {@code el9/x86_64/repodata})
   * @throws MalformedPackageException when a document is not the repodata it should be, or the
   *     three disagree on the number of packages
   */
  public static RepodataReader open(
      String source, InputStream primary, InputStream filelists, InputStream other)
      throws IOException {
    Objects.requireNonNull(source, "source");
    XmlCursor p = XmlCursor.open(source + "/primary.xml", primary);
    XmlCursor f = XmlCursor.open(source + "/filelists.xml", filelists);
    XmlCursor o = XmlCursor.open(source + "/other.xml", other);
    int count = packages(p, PrimaryXml.ROOT);
    if (packages(f, FilelistsXml.ROOT) != count || packages(o, OtherXml.ROOT) != count) {
      throw new MalformedPackageException(
          source, "primary, filelists and other disagree on the number of packages");
    }
    return new RepodataReader(p, f, o, count);
  }

  /** The number of packages the documents announce. */
  public int packages() {
    return packages;
  }

  /**
   * The next package, or empty after the last.
   *
   * @throws MalformedPackageException when a document is malformed or the documents disagree
   */
  public Optional<PackageEntry> next() throws IOException {
    boolean p = toPackage(primary);
    boolean f = toPackage(filelists);
    boolean o = toPackage(other);
    if (!p && !f && !o) {
      if (read != packages) {
        throw primary.bad("announces " + packages + " packages but lists " + read);
      }
      return Optional.empty();
    }
    if (!p || !f || !o) {
      throw primary.bad("primary, filelists and other list different numbers of packages");
    }
    PrimaryParser.Part part = PrimaryParser.read(primary);
    SecondaryParser.Files files = SecondaryParser.files(filelists);
    SecondaryParser.Changelogs changelogs = SecondaryParser.changelogs(other);
    Identity identity = part.identity();
    if (!identity.equals(files.identity())) {
      throw filelists.bad("lists " + files.identity() + " where primary.xml lists " + identity);
    }
    if (!identity.equals(changelogs.identity())) {
      throw other.bad("lists " + changelogs.identity() + " where primary.xml lists " + identity);
    }
    PackageEntry entry;
    try {
      entry =
          new PackageEntry(
              part.pkgId(),
              part.nevra(),
              part.info(),
              part.fileTime(),
              part.packageSize(),
              part.location(),
              part.headerRange(),
              part.dependencies(),
              files.files(),
              changelogs.changelogs());
    } catch (IllegalArgumentException e) {
      throw primary.bad("package " + identity + ": " + e.getMessage());
    }
    List<PackageFile> primaryFiles = entry.primaryFiles();
    if (!primaryFiles.equals(part.primaryFiles())) {
      throw primary.bad("lists other primary files for " + identity + " than filelists.xml");
    }
    read++;
    return Optional.of(entry);
  }

  /** Reads a document's root element, checks its name and returns its package count. */
  static int packages(XmlCursor c, String root) throws MalformedPackageException {
    String name = c.root();
    if (!name.equals(root)) {
      throw c.bad("root element <" + name + ">, not <" + root + ">");
    }
    long count = c.number("packages");
    if (count > Integer.MAX_VALUE) {
      throw c.bad("announces " + count + " packages");
    }
    return (int) count;
  }

  /** Moves to the next {@code <package>} child of the root; false at the root's end. */
  static boolean toPackage(XmlCursor c) throws MalformedPackageException {
    for (String child = c.next(1); child != null; child = c.next(1)) {
      if (child.equals("package")) {
        return true;
      }
    }
    return false;
  }
}
