package io.pinrepo.pypi.metadata;

import io.pinrepo.MalformedPackageException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Finds the core metadata in a zip archive (a wheel, or a legacy {@code .zip} sdist) from its
 * central directory, checking every entry's name on the way and reading only the metadata entry.
 * Refuses duplicate entry names and, in a wheel, more than one {@code .dist-info} directory (pip
 * refuses such wheels too).
 */
final class ZipScan {
  private ZipScan() {}

  static DistributionReader.Found read(
      Path file, DistributionFileName name, ReadLimits limits, String dirSuffix, String metaName)
      throws IOException {
    String source = file.toString();
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new MalformedPackageException(
          source,
          "is not a zip archive, or it is truncated or damaged (no readable table of contents)",
          e);
    }
    try (zip) {
      List<ZipEntry> candidates = new ArrayList<>();
      Set<String> names = new HashSet<>();
      Set<String> distInfo = new TreeSet<>();
      int count = 0;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (++count > limits.maxEntries()) {
          throw new MalformedPackageException(
              source, "has more than " + limits.maxEntries() + " entries");
        }
        EntryNames.check(source, entry.getName());
        if (!names.add(entry.getName())) {
          throw new MalformedPackageException(
              source,
              "holds the entry '"
                  + Printable.of(entry.getName())
                  + "' twice; tools would disagree on which one counts");
        }
        String top = entry.getName().split("/", -1)[0];
        if (top.endsWith(".dist-info") && entry.getName().contains("/")) {
          distInfo.add(top);
        }
        if (DistributionReader.isMetadataEntry(entry.getName(), dirSuffix, metaName, name)) {
          candidates.add(entry);
        }
      }
      if (!name.kind().isSdist() && distInfo.size() > 1) {
        throw new MalformedPackageException(
            source,
            "has "
                + distInfo.size()
                + " .dist-info directories ("
                + Printable.of(String.join(", ", distInfo))
                + "); a wheel has exactly one");
      }
      if (candidates.isEmpty()) {
        throw new MalformedPackageException(
            source,
            "has no "
                + (dirSuffix.isEmpty() ? "<name>-<version>" : "<name>-<version>" + dirSuffix)
                + "/"
                + metaName
                + " for this file name's project and version");
      }
      if (candidates.size() > 1) {
        throw new MalformedPackageException(
            source,
            "has "
                + candidates.size()
                + " "
                + metaName
                + " files; tools would disagree on which one counts");
      }
      return readEntry(zip, candidates.get(0), source, limits);
    }
  }

  private static DistributionReader.Found readEntry(
      ZipFile zip, ZipEntry entry, String source, ReadLimits limits) throws IOException {
    if (entry.getSize() > limits.maxMetadataBytes()) {
      throw DistributionReader.tooLarge(source, entry.getName(), limits);
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return new DistributionReader.Found(
          entry.getName(), DistributionReader.bounded(source, entry.getName(), in, limits));
    } catch (ZipException | EOFException e) {
      throw new MalformedPackageException(
          source,
          Printable.of(entry.getName())
              + " cannot be read: the archive is damaged (its table of contents does not match"
              + " its contents)",
          e);
    }
  }
}
