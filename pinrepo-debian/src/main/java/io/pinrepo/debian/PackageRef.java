package io.pinrepo.debian;

import io.pinrepo.format.Entry;
import io.pinrepo.spi.ObjectKey;
import java.util.Comparator;
import java.util.Objects;

/**
 * A package as a distribution lists it: the APT {@link Entry}.
 *
 * @param component the component, such as {@code main}
 * @param name the package name
 * @param version its version as the index spells it (a valid {@link DebianVersion})
 * @param architecture its architecture, {@code all} for architecture-independent packages
 * @param file its pool file
 * @param size the .deb's size in bytes
 * @param sha256 the .deb's SHA-256 in lower-case hex
 */
public record PackageRef(
    String component,
    String name,
    String version,
    String architecture,
    ObjectKey file,
    long size,
    String sha256)
    implements Entry {

  /** Component, name, version in dpkg's order, architecture, then file. */
  static final Comparator<PackageRef> ORDER =
      Comparator.comparing(PackageRef::component)
          .thenComparing(PackageRef::name)
          .thenComparing(PackageRef::debianVersion)
          .thenComparing(PackageRef::architecture)
          .thenComparing(PackageRef::file);

  /**
   * Rejects missing values and an invalid version.
   *
   * @throws IllegalArgumentException when {@code version} is not a valid Debian version
   */
  public PackageRef {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(name, "name");
    DebianVersion.parse(Objects.requireNonNull(version, "version"));
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** The version, parsed: for comparing in dpkg's order. */
  public DebianVersion debianVersion() {
    return DebianVersion.parse(version);
  }

  /** {@code name version arch}, as {@code pinrepo deb list} prints it. */
  @Override
  public String toString() {
    return name + " " + version + " " + architecture;
  }
}
