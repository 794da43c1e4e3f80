package io.pinrepo.pypi.simple;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.pypi.metadata.DistributionFileName;
import io.pinrepo.pypi.version.Pep440Version;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a project as the simple index lists it.
 *
 * @param fileName the file name, which is also its key beside the project page
 * @param sha256 the file's SHA-256, lower-case hex
 * @param size the file's length in bytes
 * @param uploadTime when it was published (PEP 700)
 * @param requiresPython the Requires-Python specifier, if any
 * @param coreMetadataSha256 the SHA-256 of its PEP 658 {@code .metadata} file, if there is one
 * @param yanked the PEP 592 yank reason (possibly empty text) if yanked; empty if not
 */
public record ProjectFile(
    String fileName,
    String sha256,
    long size,
    Instant uploadTime,
    Optional<String> requiresPython,
    Optional<String> coreMetadataSha256,
    Optional<String> yanked) {

  /** Files sort by version, then by file name. */
  public static final Comparator<ProjectFile> ORDER =
      Comparator.comparing(ProjectFile::version).thenComparing(ProjectFile::fileName);

  /** Checks that the file name follows the naming rules and the hashes are hex. */
  public ProjectFile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(uploadTime, "uploadTime");
    Objects.requireNonNull(requiresPython, "requiresPython");
    Objects.requireNonNull(coreMetadataSha256, "coreMetadataSha256");
    Objects.requireNonNull(yanked, "yanked");
    parsedName(fileName);
    sha256 = hex(sha256);
    coreMetadataSha256 = coreMetadataSha256.map(ProjectFile::hex);
    if (size < 0) {
      throw new IllegalArgumentException("negative size for " + fileName);
    }
  }

  /** The file name, parsed. */
  public DistributionFileName name() {
    return parsedName(fileName);
  }

  /** The version the file name carries. */
  public Pep440Version version() {
    return name().version();
  }

  /** Whether the file is yanked. */
  public boolean isYanked() {
    return yanked.isPresent();
  }

  /** This file yanked with {@code reason} (empty text for none). */
  public ProjectFile withYanked(Optional<String> reason) {
    return new ProjectFile(
        fileName, sha256, size, uploadTime, requiresPython, coreMetadataSha256, reason);
  }

  private static DistributionFileName parsedName(String fileName) {
    try {
      return DistributionFileName.parse(fileName);
    } catch (MalformedPackageException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static String hex(String sha256) {
    Objects.requireNonNull(sha256, "sha256");
    String lower = sha256.toLowerCase(Locale.ROOT);
    if (!lower.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: '" + sha256 + "'");
    }
    return lower;
  }
}
