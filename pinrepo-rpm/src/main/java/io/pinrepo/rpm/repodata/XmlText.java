package io.pinrepo.rpm.repodata;

/**
 * Writes element text and attribute values exactly as libxml2 serialises them for createrepo_c (a
 * document without a declared encoding): in text, {@code & < >} and carriage returns are escaped;
 * in attributes also {@code "}, tabs and line breaks, and every non-ASCII character as a
 * hexadecimal character reference.
 */
final class XmlText {
  private XmlText() {}

  static void text(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }

  static void attribute(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append("&#9;");
        default -> {
          if (c < 0x80) {
            out.append((char) c);
          } else {
            out.append("&#x").append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT));
            out.append(';');
          }
        }
      }
    }
  }

  /** {@code <name>text</name>} on a line of its own, indented by {@code indent} spaces. */
  static void element(StringBuilder out, int indent, String name, String text) {
    out.append(" ".repeat(indent)).append('<').append(name).append('>');
    text(out, text);
    out.append("</").append(name).append(">\n");
  }

  /** {@code name="value"}: an attribute with its leading space. */
  static StringBuilder attr(StringBuilder out, String name, String value) {
    out.append(' ').append(name).append("=\"");
    attribute(out, value);
    return out.append('"');
  }
}
