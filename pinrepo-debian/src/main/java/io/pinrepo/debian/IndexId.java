package io.pinrepo.debian;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code Packages} index of a component: the package type it lists and its architecture.
 *
 * @param type ordinary packages or udebs
 * @param arch the architecture, never {@code all}
 */
record IndexId(PackageType type, String arch) implements Comparable<IndexId> {
  private static final Comparator<IndexId> ORDER =
      Comparator.comparing(IndexId::type).thenComparing(IndexId::arch);

  IndexId {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(arch, "arch");
  }

  /** The index of {@code component} this id names, relative to the distribution. */
  String packagesPath(String component) {
    return type.indexDir(component, arch) + "/Packages";
  }

  /**
   * The component and index a Release path such as {@code main/binary-amd64/Packages.gz} or {@code
   * main/debian-installer/binary-amd64/Packages} belongs to; empty for any other path.
   */
  static Optional<Located> locate(String relativePath) {
    String[] parts = relativePath.split("/");
    if (parts.length == 3 && parts[1].startsWith("binary-")) {
      return Optional.of(located(parts[0], PackageType.DEB, parts[1], parts[2]));
    }
    if (parts.length == 4
        && parts[1].equals("debian-installer")
        && parts[2].startsWith("binary-")) {
      return Optional.of(located(parts[0], PackageType.UDEB, parts[2], parts[3]));
    }
    return Optional.empty();
  }

  private static Located located(String component, PackageType type, String dir, String file) {
    return new Located(component, new IndexId(type, dir.substring("binary-".length())), file);
  }

  /**
   * Where an index file is.
   *
   * @param component its component
   * @param index its index
   * @param fileName {@code Packages}, {@code Packages.gz} or another name in its directory
   */
  record Located(String component, IndexId index, String fileName) {}

  @Override
  public int compareTo(IndexId other) {
    return ORDER.compare(this, other);
  }
}
