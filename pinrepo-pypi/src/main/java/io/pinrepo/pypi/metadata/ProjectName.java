package io.pinrepo.pypi.metadata;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A project name in PEP 503 normal form: lower case, every run of {@code -}, {@code _} and {@code
 * .} replaced by one {@code -}. {@code Foo_Bar.baz}, {@code foo-bar-baz} and {@code FOO__BAR-Baz}
 * are all {@code foo-bar-baz}. The normal form is the project's directory under {@code simple/}.
 *
 * @param value the normal form
 */
public record ProjectName(String value) implements Comparable<ProjectName> {

  /** A valid name as written (core metadata spec): ASCII letters and digits, inner {@code -_.}. */
  private static final Pattern VALID =
      Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);

  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

  /** Checks that {@code value} is a valid name already in normal form. */
  public ProjectName {
    Objects.requireNonNull(value, "value");
    if (!isValid(value) || !normalize(value).equals(value)) {
      throw new IllegalArgumentException("not a normalized project name: '" + value + "'");
    }
  }

  /**
   * Normalises a name as written, such as {@code Foo_Bar.baz}.
   *
   * @throws IllegalArgumentException when {@code written} is not a valid project name
   */
  public static ProjectName of(String written) {
    Objects.requireNonNull(written, "written");
    if (!isValid(written)) {
      throw new IllegalArgumentException("not a valid project name: '" + written + "'");
    }
    return new ProjectName(normalize(written));
  }

  /** Whether {@code written} is a valid project name (in any spelling). */
  public static boolean isValid(String written) {
    return VALID.matcher(written).matches();
  }

  private static String normalize(String written) {
    return SEPARATORS.matcher(written).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  @Override
  public int compareTo(ProjectName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
