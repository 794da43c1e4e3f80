package io.pinrepo.pypi.metadata;

/**
 * Text from a package, made safe for a one-line message: control characters (line breaks among
 * them) shown as {@code \u000a}-style escapes, and cut after {@link #MAX} characters.
 */
final class Printable {
  private Printable() {}

  /** The most characters of a value shown in a message. */
  static final int MAX = 80;

  /** {@code text} escaped and shortened for a message. */
  static String of(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints()
        .limit(MAX)
        .forEach(
            cp -> {
              if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                sb.append(String.format("\\u%04x", cp));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return text.codePointCount(0, text.length()) > MAX ? sb + "..." : sb.toString();
  }
}
