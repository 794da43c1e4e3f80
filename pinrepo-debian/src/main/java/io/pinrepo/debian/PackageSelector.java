package io.pinrepo.debian;

import java.util.Objects;
import java.util.Optional;

/**
 * Which packages a remove takes out: every entry called {@code name}, narrowed to one version
 * (compared as dpkg does) and/or one architecture when given.
 *
 * @param name the package name
 * @param version only this version, if present
 * @param architecture only this architecture, if present
 */
public record PackageSelector(
    String name, Optional<DebianVersion> version, Optional<String> architecture) {

  /** Rejects missing values. */
  public PackageSelector {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(architecture, "architecture");
  }

  /** Every version and architecture of {@code name}. */
  public static PackageSelector named(String name) {
    return new PackageSelector(name, Optional.empty(), Optional.empty());
  }

  /** This selector narrowed to {@code version}. */
  public PackageSelector withVersion(DebianVersion version) {
    return new PackageSelector(name, Optional.of(version), architecture);
  }

  /** This selector narrowed to {@code architecture}. */
  public PackageSelector withArchitecture(String architecture) {
    return new PackageSelector(name, version, Optional.of(architecture));
  }

  boolean matches(IndexEntry entry) {
    return entry.name().equals(name)
        && version.map(v -> v.equals(entry.version())).orElse(true)
        && architecture.map(a -> a.equals(entry.architecture())).orElse(true);
  }
}
