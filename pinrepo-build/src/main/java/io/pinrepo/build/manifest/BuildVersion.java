package io.pinrepo.build.manifest;

import io.pinrepo.build.internal.Syntax;

/**
 * The version of one build, such as {@code 1.4.2}, {@code 2025.01.02-3f9c2e1} or {@code
 * 1.0.0+ci.812}: 1 to 128 characters of {@code A-Z a-z 0-9 . _ + -}, starting with a letter or
 * digit. Versions are opaque labels; builds are ordered by publish time, never by version.
 *
 * @param value the version
 */
public record BuildVersion(String value) {

  /** Validates the syntax; throws {@link IllegalArgumentException} naming the problem. */
  public BuildVersion {
    Syntax.check(
        "build version",
        Syntax.VERSION,
        value,
        "use 1-128 of A-Z a-z 0-9 . _ + -, starting with a letter or digit");
  }

  /** Parses a version. */
  public static BuildVersion of(String value) {
    return new BuildVersion(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
