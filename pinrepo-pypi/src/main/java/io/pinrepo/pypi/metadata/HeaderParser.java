package io.pinrepo.pypi.metadata;

import io.pinrepo.MalformedPackageException;
import java.util.List;

/**
 * Splits a core metadata file into RFC 822-style headers and a body, as Python's {@code email}
 * parser does for these files: {@code Name: value} lines, continuation lines that start with a
 * space or tab, a blank line before the body.
 */
final class HeaderParser {
  private HeaderParser() {}

  /** Adds the headers to {@code fields} and returns the body (empty when there is none). */
  static String parse(String source, String text, List<MetadataField> fields)
      throws MalformedPackageException {
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    String[] lines = normalized.split("\n", -1);
    String name = null;
    StringBuilder value = new StringBuilder();
    int i = 0;
    for (; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        i++;
        break;
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if (name == null) {
          throw new MalformedPackageException(
              source, "line " + (i + 1) + ": continuation line before any header");
        }
        value.append('\n').append(line);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MalformedPackageException(
            source, "line " + (i + 1) + " is not a 'Field: value' header: " + Printable.of(line));
      }
      if (name != null) {
        fields.add(new MetadataField(name, value.toString()));
      }
      name = line.substring(0, colon).strip();
      value.setLength(0);
      value.append(line.substring(colon + 1).strip());
    }
    if (name != null) {
      fields.add(new MetadataField(name, value.toString()));
    }
    StringBuilder body = new StringBuilder();
    for (int j = i; j < lines.length; j++) {
      body.append(lines[j]).append(j + 1 < lines.length ? "\n" : "");
    }
    return body.toString().strip().isEmpty() ? "" : body.toString();
  }

  /**
   * Undoes the folding of a {@code Description} header: continuation lines lose the indentation and
   * the {@code |} that setuptools writes ({@code " |text"}).
   */
  static String unfoldDescription(String value) {
    String[] lines = value.split("\n", -1);
    StringBuilder sb = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("        |")) {
        line = line.substring(9);
      } else if (line.startsWith("       |")) {
        line = line.substring(8);
      } else {
        line = line.stripLeading();
      }
      sb.append('\n').append(line);
    }
    return sb.toString();
  }
}
