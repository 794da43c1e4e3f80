package io.pinrepo.rpm.header;

import java.util.Objects;

/**
 * One file of a package, as its header lists it.
 *
 * @param path the absolute path (for a source package, just the file name)
 * @param kind file, directory or ghost
 */
public record PackageFile(String path, FileKind kind) {
  /** Checks for null. */
  public PackageFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
  }
}
