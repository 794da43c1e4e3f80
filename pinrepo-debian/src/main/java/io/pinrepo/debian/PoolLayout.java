package io.pinrepo.debian;

import io.pinrepo.spi.ObjectKey;

/** Where package files go: {@code pool/<component>/<prefix>/<source>/<file>}. */
final class PoolLayout {
  private PoolLayout() {}

  /** The usual pool path of {@code deb} in {@code component}, with its type's extension. */
  static String path(String component, DebPackage deb, PackageType type) {
    return directory(component, deb) + "/" + fileName(deb, type);
  }

  /**
   * A pool path for {@code deb} that is free when the usual one holds other bytes (the same name,
   * version and architecture rebuilt): the usual directory plus the first 16 hex digits of its
   * SHA-256, so the file name apt saves stays the same.
   */
  static String alternatePath(String component, DebPackage deb, PackageType type) {
    return directory(component, deb)
        + "/sha256-"
        + deb.digests().sha256().substring(0, 16)
        + "/"
        + fileName(deb, type);
  }

  static ObjectKey key(String path) {
    return ObjectKey.of(path);
  }

  private static String fileName(DebPackage deb, PackageType type) {
    String name = deb.fileName();
    return name.substring(0, name.length() - ".deb".length()) + type.extension();
  }

  private static String directory(String component, DebPackage deb) {
    String source = deb.sourceName();
    String prefix =
        source.startsWith("lib") && source.length() > 3
            ? source.substring(0, 4)
            : source.substring(0, 1);
    return "pool/" + component + "/" + prefix + "/" + source;
  }
}
