package io.pinrepo.maven.internal;

/**
 * Values from untrusted files as they may appear in a one-line message: quoted, control characters
 * and line breaks escaped ({@code \n}, {@code \u0001}), and cut after {@value #MAX_CHARS}
 * characters, so that a hostile value can neither break the line nor flood it.
 */
public final class Printable {
  /** The most characters of a value a message shows. */
  public static final int MAX_CHARS = 80;

  private Printable() {}

  /** {@code value} in single quotes, escaped and cut as described above. */
  public static String quoted(String value) {
    StringBuilder out = new StringBuilder("'");
    int shown = Math.min(value.length(), MAX_CHARS);
    if (shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))) {
      shown--; // never half a character
    }
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('\'');
    if (value.length() > MAX_CHARS) {
      out.append("... (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }
}
