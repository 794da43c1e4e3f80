package io.pinrepo.build.pointer;

import io.pinrepo.build.internal.Syntax;

/**
 * The name of a version pointer of a build line, such as {@code prod} or {@code canary}: the same
 * syntax as a {@link io.pinrepo.build.manifest.BuildName}.
 *
 * @param value the name
 */
public record PointerName(String value) implements Comparable<PointerName> {

  /** Validates the syntax; throws {@link IllegalArgumentException} naming the problem. */
  public PointerName {
    Syntax.check(
        "pointer name",
        Syntax.NAME,
        value,
        "use 1-64 of a-z 0-9 . _ -, starting with a letter or digit");
  }

  /** Parses a name. */
  public static PointerName of(String value) {
    return new PointerName(value);
  }

  @Override
  public int compareTo(PointerName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
