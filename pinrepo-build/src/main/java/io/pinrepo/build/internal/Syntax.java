package io.pinrepo.build.internal;

import java.util.regex.Pattern;

/**
 * The syntax checks behind the build value types. Every accepted value is a single storage key
 * segment: no {@code /}, never {@code .} or {@code ..}, printable ASCII only, so that it is the
 * same key on S3, on a filesystem and in a URL path.
 */
public final class Syntax {
  private Syntax() {}

  /** Build and pointer names: lower case, so case-insensitive filesystems cannot merge two. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** Build versions: also upper case and {@code +} (semver build metadata). */
  public static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

  /** One segment of a file path inside a build. */
  public static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._+=@~-]{1,255}");

  /** Metadata keys. */
  public static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /**
   * Checks {@code value} against {@code pattern}.
   *
   * @param what names the kind of value in the message, e.g. {@code "build name"}
   * @throws IllegalArgumentException naming the value and the rule
   */
  public static String check(String what, Pattern pattern, String value, String rule) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid " + what + " '" + printable(value) + "': " + rule);
    }
    return value;
  }

  /** {@code text} with control characters escaped, for messages. */
  public static String printable(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString();
  }

  /** Whether {@code text} is free of control characters (newlines included). */
  public static boolean isOneLine(String text) {
    return text.codePoints().noneMatch(Character::isISOControl);
  }
}
