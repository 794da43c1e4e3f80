package io.pinrepo.rpm.repodata;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code primary.xml} alone, one {@link PackageSummary} at a time, in constant memory: for
 * verification, garbage collection and deciding what a publish keeps, without the larger filelists
 * and other documents. Does not close the stream. Not thread-safe.
 */
public final class PrimaryReader {
  private final XmlCursor primary;
  private final int packages;
  private int read;

  private PrimaryReader(XmlCursor primary, int packages) {
    this.primary = primary;
    this.packages = packages;
  }

  /**
   * Opens {@code primary.xml} and reads its root element.
   *
   * @param source the document's name, for messages
   * @throws io.pinrepo.MalformedPackageException when it is not a primary.xml
   */
  public static PrimaryReader open(String source, InputStream primary) throws IOException {
    XmlCursor c = XmlCursor.open(Objects.requireNonNull(source, "source"), primary);
    return new PrimaryReader(c, RepodataReader.packages(c, PrimaryXml.ROOT));
  }

  /** The number of packages the document announces. */
  public int packages() {
    return packages;
  }

  /**
   * The next package, or empty after the last.
   *
   * @throws io.pinrepo.MalformedPackageException when the document is malformed
   */
  public Optional<PackageSummary> next() throws IOException {
    if (!RepodataReader.toPackage(primary)) {
      if (read != packages) {
        throw primary.bad("announces " + packages + " packages but lists " + read);
      }
      return Optional.empty();
    }
    PrimaryParser.Part part = PrimaryParser.read(primary);
    read++;
    return Optional.of(
        new PackageSummary(part.pkgId(), part.nevra(), part.location(), part.packageSize()));
  }
}
