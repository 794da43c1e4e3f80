package io.pinrepo.debian;

import java.util.Objects;

/**
 * A package as a distribution lists it.
 *
 * @param component the component, such as {@code main}
 * @param name the package name
 * @param version its version
 * @param architecture its architecture, {@code all} for architecture-independent packages
 * @param filename its pool path, relative to the repository root
 * @param size the .deb's size in bytes
 * @param sha256 the .deb's SHA-256 in lower-case hex
 */
public record PackageRef(
    String component,
    String name,
    DebianVersion version,
    String architecture,
    String filename,
    long size,
    String sha256) {

  /** Rejects missing values. */
  public PackageRef {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** {@code name version arch}, as {@code pinrepo deb list} prints it. */
  @Override
  public String toString() {
    return name + " " + version + " " + architecture;
  }
}
