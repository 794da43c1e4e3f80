package io.pinrepo.maven.internal;

import java.nio.charset.StandardCharsets;

/**
 * Writes small XML documents deterministically: UTF-8, two-space indentation, {@code \n} line ends,
 * text escaped. Callers emit elements in the order they want them; nothing is sorted here.
 */
public final class XmlWriter {

  private final StringBuilder out =
      new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  private int depth;

  /** Opens {@code name} with no attributes. */
  public XmlWriter open(String name) {
    return open(name, "");
  }

  /** Opens {@code name} with {@code attributes}, already formatted ({@code a="b"}). */
  public XmlWriter open(String name, String attributes) {
    indent().append('<').append(name);
    if (!attributes.isEmpty()) {
      out.append(' ').append(attributes);
    }
    out.append(">\n");
    depth++;
    return this;
  }

  /** Closes the element {@code name} opened last. */
  public XmlWriter close(String name) {
    depth--;
    indent().append("</").append(name).append(">\n");
    return this;
  }

  /** Writes {@code <name>text</name>}, or nothing when {@code text} is empty. */
  public XmlWriter leaf(String name, String text) {
    if (!text.isEmpty()) {
      indent().append('<').append(name).append('>');
      escape(text);
      out.append("</").append(name).append(">\n");
    }
    return this;
  }

  /** The document as UTF-8. */
  public byte[] toBytes() {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private StringBuilder indent() {
    return out.append("  ".repeat(depth));
  }

  private void escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> out.append(c);
      }
    }
  }
}
