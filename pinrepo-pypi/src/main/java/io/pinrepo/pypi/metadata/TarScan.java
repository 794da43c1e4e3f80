package io.pinrepo.pypi.metadata;

import io.pinrepo.MalformedPackageException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Finds {@code PKG-INFO} in a {@code .tar.gz} sdist, reading the whole archive once as a stream:
 * every entry's name is checked, links must point inside the archive, device files and a second
 * {@code PKG-INFO} are refused, and the decompression is bounded ({@link InflationLimit}).
 */
final class TarScan {
  private TarScan() {}

  static DistributionReader.Found read(Path file, DistributionFileName name, ReadLimits limits)
      throws IOException {
    String source = file.toString();
    DistributionReader.Found found = null;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        GzipCompressorInputStream gz = new GzipCompressorInputStream(raw, true);
        InflationLimit bounded =
            new InflationLimit(gz, source, limits.maxScannedBytes(), gz::getCompressedCount);
        TarArchiveInputStream tar = new TarArchiveInputStream(bounded)) {
      int count = 0;
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (++count > limits.maxEntries()) {
          throw new MalformedPackageException(
              source, "has more than " + limits.maxEntries() + " entries");
        }
        check(source, entry);
        if (entry.isFile()
            && DistributionReader.isMetadataEntry(entry.getName(), "", "PKG-INFO", name)) {
          if (found != null) {
            throw new MalformedPackageException(
                source, "holds PKG-INFO twice; tools would disagree on which one counts");
          }
          if (entry.getSize() > limits.maxMetadataBytes()) {
            throw DistributionReader.tooLarge(source, entry.getName(), limits);
          }
          found =
              new DistributionReader.Found(
                  entry.getName(),
                  DistributionReader.bounded(source, entry.getName(), tar, limits));
        }
      }
    } catch (MalformedPackageException e) {
      throw e;
    } catch (EOFException e) {
      throw new MalformedPackageException(source, "is truncated: the archive ends early", e);
    } catch (IOException | IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      throw new MalformedPackageException(
          source,
          message.toLowerCase(java.util.Locale.ROOT).contains("truncated")
              ? "is truncated: the archive ends early"
              : "is not a readable .tar.gz (not gzip-compressed tar, or damaged)",
          e);
    }
    if (found == null) {
      throw new MalformedPackageException(
          source, "has no <name>-<version>/PKG-INFO for this file name's project and version");
    }
    return found;
  }

  private static void check(String source, TarArchiveEntry entry) throws MalformedPackageException {
    String path = entry.getName();
    EntryNames.check(source, path);
    if (entry.isSymbolicLink()) {
      EntryNames.checkLink(
          source, path, entry.getLinkName(), EntryNames.parent(path), "symbolic link");
    } else if (entry.isLink()) {
      EntryNames.checkLink(source, path, entry.getLinkName(), "", "hard link");
    } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
      throw new MalformedPackageException(
          source, "unsafe archive: entry '" + Printable.of(path) + "' is a device file or a pipe");
    }
  }
}
