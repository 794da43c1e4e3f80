package io.pinrepo.pypi.metadata;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.hash.Digests;
import io.pinrepo.pypi.version.Pep440Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a wheel's {@code *.dist-info/METADATA} or an sdist's {@code PKG-INFO} and checks it against
 * the file name. It never extracts anything: it reads only the metadata entry, with the sizes
 * bounded by {@link ReadLimits}, and refuses archives that would be unsafe to unpack or that tools
 * could read in two ways: entry names that could escape a directory ({@code ..}, absolute paths,
 * backslashes, control characters), links pointing outside the archive, device files, duplicate
 * entries, a second metadata file or {@code .dist-info} directory, and decompression bombs. Every
 * refusal is a {@link MalformedPackageException} naming the file and the problem in words.
 * Thread-safe.
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
   * @throws MalformedPackageException when the file is missing, or its name, the archive or the
   *     metadata is bad, or the metadata's name or version disagrees with the file name
   */
  public Distribution read(Path file) throws IOException {
    String source = file.toString();
    DistributionFileName name;
    try {
      name = DistributionFileName.parse(file.getFileName().toString());
    } catch (MalformedPackageException e) {
      // Name the file as the caller did, with its directory.
      throw new MalformedPackageException(source, e.problem(), e);
    }
    if (!Files.exists(file)) {
      throw new MalformedPackageException(source, "no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new MalformedPackageException(source, "is not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw new MalformedPackageException(source, "cannot be read (permission denied)");
    }
    Found found =
        switch (name.kind()) {
          case WHEEL -> ZipScan.read(file, name, limits, ".dist-info", "METADATA");
          case SDIST_ZIP -> ZipScan.read(file, name, limits, "", "PKG-INFO");
          case SDIST_TAR_GZ -> TarScan.read(file, name, limits);
        };
    CoreMetadata metadata;
    try {
      metadata = CoreMetadata.parse(found.entry(), found.bytes());
    } catch (MalformedPackageException e) {
      // Name the file as the caller did; the entry goes into the problem.
      throw new MalformedPackageException(source, found.entry() + ": " + e.problem(), e);
    }
    if (!metadata.projectName().equals(name.project())) {
      throw new MalformedPackageException(
          source,
          "metadata Name '"
              + Printable.of(metadata.name())
              + "' does not match the file name's project '"
              + name.project()
              + "'");
    }
    if (!metadata.version().equals(name.version())) {
      throw new MalformedPackageException(
          source,
          "metadata Version '"
              + metadata.version()
              + "' does not match the file name's version '"
              + name.version()
              + "'");
    }
    Digests digests;
    try (InputStream in = Files.newInputStream(file)) {
      digests = Digests.of(in);
    }
    return new Distribution(file, name, metadata, found.bytes(), digests);
  }

  /**
   * The metadata entry found in an archive.
   *
   * @param entry its name in the archive
   * @param bytes its content
   */
  record Found(String entry, byte[] bytes) {}

  /**
   * Whether {@code path} is {@code <dir><dirSuffix>/<metaName>} at the top level, with {@code dir}
   * naming the same project and version as the file name ({@code <name>-<version>}).
   */
  static boolean isMetadataEntry(
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

  /** Reads {@code in} to its end, refusing more than {@link ReadLimits#maxMetadataBytes()}. */
  static byte[] bounded(String source, String entry, InputStream in, ReadLimits limits)
      throws IOException {
    long max = limits.maxMetadataBytes();
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (bytes.length > max) {
      throw tooLarge(source, entry, limits);
    }
    return bytes;
  }

  static MalformedPackageException tooLarge(String source, String entry, ReadLimits limits) {
    return new MalformedPackageException(
        source,
        Printable.of(entry)
            + " is larger than "
            + ReadLimits.describe(limits.maxMetadataBytes())
            + ", too large for core metadata");
  }
}
