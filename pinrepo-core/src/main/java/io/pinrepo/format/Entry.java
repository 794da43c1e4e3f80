package io.pinrepo.format;

import io.pinrepo.spi.ObjectKey;

/**
 * One package file a repository lists: what a publish adds, a remove drops and a list returns.
 * Every format's entry type is a record implementing this (APT {@code PackageRef}, Maven {@code
 * ArtifactRef}, PyPI {@code ProjectFile}, RPM {@code RpmRef}), so reports and the command line can
 * treat them alike.
 */
public interface Entry {

  /** The package's name as its format spells it (a Debian package, {@code groupId:artifactId}). */
  String name();

  /** Its version as its format spells it. */
  String version();

  /** Where its file is in the repository. */
  ObjectKey file();
}
