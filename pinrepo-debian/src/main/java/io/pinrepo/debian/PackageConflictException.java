package io.pinrepo.debian;

import java.io.IOException;

/**
 * A package with the same name, version and architecture is already in the distribution with other
 * bytes. Nothing was committed; pass {@code replaceOnConflict} to replace it instead.
 */
public class PackageConflictException extends IOException {
  private static final long serialVersionUID = 1L;

  /** With a one-line message naming the package and both SHA-256s. */
  public PackageConflictException(String message) {
    super(message);
  }
}
