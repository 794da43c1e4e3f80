package io.pinrepo.pypi.metadata;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.pypi.version.Pep440Version;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a distribution file, checked against the naming rules: a wheel is {@code
 * {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl} (name without {@code -}); an sdist is
 * {@code {name}-{version}.tar.gz} (PEP 625) or the legacy {@code .zip}, split at the last {@code
 * -}.
 *
 * @param fileName the whole file name
 * @param kind wheel or sdist, and which archive
 * @param project the project name in normal form
 * @param version the version written in the name
 * @param buildTag a wheel's build tag, if any
 */
public record DistributionFileName(
    String fileName,
    Kind kind,
    ProjectName project,
    Pep440Version version,
    Optional<String> buildTag) {

  /** What kind of file the name says it is. */
  public enum Kind {
    /** A wheel ({@code .whl}, a zip archive). */
    WHEEL,
    /** A source distribution as a gzip-compressed tar ({@code .tar.gz}). */
    SDIST_TAR_GZ,
    /** A legacy source distribution as a zip archive ({@code .zip}). */
    SDIST_ZIP;

    /** Whether this is a source distribution. */
    public boolean isSdist() {
      return this != WHEEL;
    }
  }

  /** The longest file name accepted. */
  public static final int MAX_LENGTH = 255;

  private static final Pattern WHEEL_NAME = Pattern.compile("[A-Za-z0-9_.]+");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.]+");
  private static final Pattern BUILD_TAG = Pattern.compile("[0-9][A-Za-z0-9_.]*");
  private static final Pattern SDIST_NAME = Pattern.compile("[A-Za-z0-9_.!+-]+");

  /** Rejects nulls. */
  public DistributionFileName {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(buildTag, "buildTag");
  }

  /**
   * Parses and checks {@code fileName}.
   *
   * @throws MalformedPackageException naming the file and the rule it breaks
   */
  public static DistributionFileName parse(String fileName) throws MalformedPackageException {
    Objects.requireNonNull(fileName, "fileName");
    if (fileName.length() > MAX_LENGTH || fileName.startsWith(".")) {
      throw new MalformedPackageException(fileName, "not an acceptable file name");
    }
    if (fileName.endsWith(".whl")) {
      return wheel(fileName);
    }
    if (fileName.endsWith(".tar.gz")) {
      return sdist(fileName, ".tar.gz", Kind.SDIST_TAR_GZ);
    }
    if (fileName.endsWith(".zip")) {
      return sdist(fileName, ".zip", Kind.SDIST_ZIP);
    }
    throw new MalformedPackageException(
        fileName, "not a wheel (.whl) or sdist (.tar.gz, .zip) file name");
  }

  private static DistributionFileName wheel(String fileName) throws MalformedPackageException {
    String[] parts = fileName.substring(0, fileName.length() - 4).split("-", -1);
    if (parts.length != 5 && parts.length != 6) {
      throw new MalformedPackageException(
          fileName, "a wheel name has 5 or 6 '-'-separated parts, this has " + parts.length);
    }
    if (!WHEEL_NAME.matcher(parts[0]).matches() || !ProjectName.isValid(parts[0])) {
      throw new MalformedPackageException(fileName, "invalid distribution name '" + parts[0] + "'");
    }
    Pep440Version version = version(fileName, parts[1]);
    Optional<String> build = Optional.empty();
    if (parts.length == 6) {
      if (!BUILD_TAG.matcher(parts[2]).matches()) {
        throw new MalformedPackageException(
            fileName, "build tag '" + parts[2] + "' does not start with a digit");
      }
      build = Optional.of(parts[2]);
    }
    for (int i = parts.length - 3; i < parts.length; i++) {
      if (!TAG.matcher(parts[i]).matches()) {
        throw new MalformedPackageException(
            fileName, "invalid compatibility tag '" + parts[i] + "'");
      }
    }
    return new DistributionFileName(fileName, Kind.WHEEL, ProjectName.of(parts[0]), version, build);
  }

  private static DistributionFileName sdist(String fileName, String extension, Kind kind)
      throws MalformedPackageException {
    String stem = fileName.substring(0, fileName.length() - extension.length());
    int dash = stem.lastIndexOf('-');
    if (dash <= 0 || !SDIST_NAME.matcher(stem).matches()) {
      throw new MalformedPackageException(
          fileName, "an sdist is named {name}-{version}" + extension);
    }
    String name = stem.substring(0, dash);
    if (!ProjectName.isValid(name)) {
      throw new MalformedPackageException(fileName, "invalid distribution name '" + name + "'");
    }
    Pep440Version version = version(fileName, stem.substring(dash + 1));
    return new DistributionFileName(
        fileName, kind, ProjectName.of(name), version, Optional.empty());
  }

  private static Pep440Version version(String fileName, String text)
      throws MalformedPackageException {
    return Pep440Version.tryParse(text)
        .filter(v -> !text.isEmpty() && text.equals(text.strip()))
        .orElseThrow(
            () ->
                new MalformedPackageException(fileName, "'" + text + "' is not a PEP 440 version"));
  }

  @Override
  public String toString() {
    return fileName;
  }
}
