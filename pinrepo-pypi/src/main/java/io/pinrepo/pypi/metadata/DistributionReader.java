package io.pinrepo.pypi.metadata;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.hash.Digests;
import io.pinrepo.pypi.version.Pep440Version;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a wheel's {@code *.dist-info/METADATA} or an sdist's {@code PKG-INFO} and checks it against
 * the file name. It never extracts anything: it reads only the metadata entry, with the sizes
 * bounded by {@link ReadLimits}, and refuses archives whose entry names could escape a directory
 * ({@code ..}, absolute paths, backslashes). Thread-safe.
 */
public final class DistributionReader {

  private final ReadLimits limits;

  /** A reader with {@link ReadLimits#DEFAULT}. */
  public DistributionReader() {
    this(ReadLimits.DEFAULT);
  }

  /** A reader that reads no more than {@code limits} allow. */
  public DistributionReader(ReadLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Reads and checks the distribution in {@code file}, whose file name must follow the wheel or
   * sdist naming rules.
   *
   * @throws MalformedPackageException when the name, the archive or the metadata is bad, or the
   *     metadata's name or version disagrees with the file name
   */
  public Distribution read(Path file) throws IOException {
    DistributionFileName name;
    try {
      name = DistributionFileName.parse(file.getFileName().toString());
    } catch (MalformedPackageException e) {
      // Name the file as the caller did, with its directory.
      throw new MalformedPackageException(file.toString(), e.problem(), e);
    }
    String source = file.toString();
    byte[] bytes;
    String entry;
    try {
      Found found =
          switch (name.kind()) {
            case WHEEL -> fromZip(file, name, ".dist-info", "METADATA");
            case SDIST_ZIP -> fromZip(file, name, "", "PKG-INFO");
            case SDIST_TAR_GZ -> fromTarGz(file, name);
          };
      bytes = found.bytes();
      entry = found.entry();
    } catch (MalformedPackageException | FileSystemException e) {
      throw e; // already names the file and the problem
    } catch (IOException | IllegalArgumentException e) {
      throw MalformedPackageException.unreadable(
          source, name.kind() == DistributionFileName.Kind.WHEEL ? "wheel" : "sdist", e);
    }
    CoreMetadata metadata = CoreMetadata.parse(source + "!" + entry, bytes);
    if (!metadata.projectName().equals(name.project())) {
      throw new MalformedPackageException(
          source, "metadata Name '" + metadata.name() + "' does not match the file name's project");
    }
    if (!metadata.version().equals(name.version())) {
      throw new MalformedPackageException(
          source,
          "metadata Version '" + metadata.version() + "' does not match the file name's version");
    }
    Digests digests;
    try (InputStream in = Files.newInputStream(file)) {
      digests = Digests.of(in);
    }
    return new Distribution(file, name, metadata, bytes, digests);
  }

  private record Found(String entry, byte[] bytes) {}

  private Found fromZip(Path file, DistributionFileName name, String dirSuffix, String metaName)
      throws IOException {
    String source = file.toString();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<ZipEntry> candidates = new ArrayList<>();
      int count = 0;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (++count > limits.maxEntries()) {
          throw new MalformedPackageException(
              source, "more than " + limits.maxEntries() + " entries");
        }
        checkEntryName(source, entry.getName());
        if (isMetadataEntry(entry.getName(), dirSuffix, metaName, name)) {
          candidates.add(entry);
        }
      }
      if (candidates.size() != 1) {
        throw new MalformedPackageException(
            source,
            candidates.isEmpty()
                ? "no top-level " + (dirSuffix.isEmpty() ? "*" : "*" + dirSuffix) + "/" + metaName
                : "several " + metaName + " files: " + candidates);
      }
      ZipEntry entry = candidates.get(0);
      try (InputStream in = zip.getInputStream(entry)) {
        return new Found(entry.getName(), bounded(source, entry.getName(), in));
      }
    }
  }

  private Found fromTarGz(Path file, DistributionFileName name) throws IOException {
    String source = file.toString();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        GzipCompressorInputStream gz = new GzipCompressorInputStream(raw, true);
        TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
      int count = 0;
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (++count > limits.maxEntries()) {
          throw new MalformedPackageException(
              source, "more than " + limits.maxEntries() + " entries");
        }
        if (gz.getUncompressedCount() > limits.maxScannedBytes()) {
          throw new MalformedPackageException(
              source, "no PKG-INFO within the first " + limits.maxScannedBytes() + " bytes");
        }
        checkEntryName(source, entry.getName());
        if (entry.isFile() && isMetadataEntry(entry.getName(), "", "PKG-INFO", name)) {
          return new Found(entry.getName(), bounded(source, entry.getName(), tar));
        }
      }
    } catch (IOException e) {
      if (e instanceof MalformedPackageException) {
        throw e;
      }
      throw MalformedPackageException.unreadable(source, "sdist (.tar.gz)", e);
    }
    throw new MalformedPackageException(source, "no top-level */PKG-INFO");
  }

  /**
   * Whether {@code path} is {@code <dir><dirSuffix>/<metaName>} at the top level, with {@code dir}
   * naming the same project and version as the file name ({@code <name>-<version>}).
   */
  private static boolean isMetadataEntry(
      String path, String dirSuffix, String metaName, DistributionFileName name) {
    String[] parts = path.split("/", -1);
    if (parts.length != 2 || !parts[1].equals(metaName) || !parts[0].endsWith(dirSuffix)) {
      return false;
    }
    String dir = parts[0].substring(0, parts[0].length() - dirSuffix.length());
    int dash = dir.lastIndexOf('-');
    if (dash <= 0) {
      return false;
    }
    String project = dir.substring(0, dash);
    Optional<Pep440Version> version = Pep440Version.tryParse(dir.substring(dash + 1));
    return ProjectName.isValid(project)
        && ProjectName.of(project).equals(name.project())
        && version.isPresent()
        && version.get().equals(name.version());
  }

  private static void checkEntryName(String source, String path) throws MalformedPackageException {
    boolean bad =
        path.startsWith("/")
            || path.contains("\\")
            || path.contains("\0")
            || (path.length() > 1 && path.charAt(1) == ':');
    for (String segment : path.split("/", -1)) {
      bad |= segment.equals("..");
    }
    if (bad) {
      throw new MalformedPackageException(source, "unsafe archive entry name '" + path + "'");
    }
  }

  private byte[] bounded(String source, String entry, InputStream in) throws IOException {
    long max = limits.maxMetadataBytes();
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (bytes.length > max) {
      throw new MalformedPackageException(source, entry + " is larger than " + max + " bytes");
    }
    return bytes;
  }
}
