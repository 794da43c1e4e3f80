package io.pinrepo.build.manifest;

import io.pinrepo.build.internal.Syntax;

/**
 * The name of a line of builds, such as {@code web} or {@code billing-api}: 1 to 64 characters of
 * {@code a-z 0-9 . _ -}, starting with a letter or digit. Lower case only, so that two names never
 * share a directory on a case-insensitive filesystem.
 *
 * @param value the name
 */
public record BuildName(String value) implements Comparable<BuildName> {

  /** Validates the syntax; throws {@link IllegalArgumentException} naming the problem. */
  public BuildName {
    Syntax.check(
        "build name",
        Syntax.NAME,
        value,
        "use 1-64 of a-z 0-9 . _ -, starting with a letter or digit");
  }

  /** Parses a name. */
  public static BuildName of(String value) {
    return new BuildName(value);
  }

  @Override
  public int compareTo(BuildName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
