package io.pinrepo.debian;

import io.pinrepo.debian.control.ControlParagraph;
import java.util.Locale;

/**
 * Whether a binary package is an ordinary .deb or a udeb (a micro package for the Debian
 * installer). They differ only in where they are listed: udebs in {@code
 * <component>/debian-installer/binary-<arch>/Packages}, as Debian and reprepro do, and in the
 * extension their pool file keeps.
 */
enum PackageType {
  /** An ordinary package, listed in {@code <component>/binary-<arch>/Packages}. */
  DEB(".deb", ""),
  /** An installer package, listed in {@code <component>/debian-installer/binary-<arch>/}. */
  UDEB(".udeb", "debian-installer/");

  private final String extension;
  private final String indexPrefix;

  PackageType(String extension, String indexPrefix) {
    this.extension = extension;
    this.indexPrefix = indexPrefix;
  }

  /**
   * The type of a package read from {@code source}: a udeb when its name ends in {@code .udeb} or
   * its control says {@code Package-Type: udeb}.
   */
  static PackageType of(String source, ControlParagraph control) {
    boolean named = source.toLowerCase(Locale.ROOT).endsWith(".udeb");
    boolean declared = control.value("Package-Type").map(String::strip).orElse("").equals("udeb");
    return named || declared ? UDEB : DEB;
  }

  /** The pool file's extension, with its dot. */
  String extension() {
    return extension;
  }

  /** {@code <component>/[debian-installer/]binary-<arch>}, relative to the distribution. */
  String indexDir(String component, String arch) {
    return component + "/" + indexPrefix + "binary-" + arch;
  }
}
