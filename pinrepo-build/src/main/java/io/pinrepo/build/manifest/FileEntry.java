package io.pinrepo.build.manifest;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file as a manifest lists it.
 *
 * @param path its path inside the build
 * @param size its length in bytes
 * @param sha256 its SHA-256, lower-case hex
 */
public record FileEntry(BuildPath path, long size, String sha256) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** Validates the size and the digest's form; normalises the digest to lower case. */
  public FileEntry {
    Objects.requireNonNull(path, "path");
    if (size < 0) {
      throw new IllegalArgumentException(path + ": negative size " + size);
    }
    sha256 = Objects.requireNonNull(sha256, "sha256").toLowerCase(Locale.ROOT);
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException(path + ": not a SHA-256 hex digest: " + sha256);
    }
  }
}
