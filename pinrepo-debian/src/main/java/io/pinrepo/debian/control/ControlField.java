package io.pinrepo.debian.control;

import java.util.Objects;

/**
 * One field of a control paragraph.
 *
 * @param name the field name as written, such as {@code Package}; matched case-insensitively
 * @param value the value: the first line without surrounding blanks, then each continuation line
 *     after a {@code \n}, kept as written including its leading space or tab
 */
public record ControlField(String name, String value) {

  /** Validates the name (no colon, no blanks, not starting with {@code #} or {@code -}). */
  public ControlField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty()
        || name.startsWith("#")
        || name.startsWith("-")
        || name.chars().anyMatch(c -> c == ':' || c <= ' ' || c > '~')) {
      throw new IllegalArgumentException("invalid control field name '" + name + "'");
    }
    String[] lines = value.split("\n", -1);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (!(line.startsWith(" ") || line.startsWith("\t")) || line.isBlank()) {
        throw new IllegalArgumentException(
            "field "
                + name
                + ": continuation line "
                + i
                + " must start with a space or tab and not be blank (write ' .' for an empty line)");
      }
    }
  }

  /** Whether this field is called {@code other}, ignoring case. */
  public boolean isNamed(String other) {
    return name.equalsIgnoreCase(other);
  }

  /** The first line of the value. */
  public String firstLine() {
    int nl = value.indexOf('\n');
    return nl < 0 ? value : value.substring(0, nl);
  }

  /** The field as written in a paragraph: {@code Name: value} and a final {@code \n}. */
  @Override
  public String toString() {
    return value.isEmpty() || value.startsWith("\n")
        ? name + ":" + value + "\n"
        : name + ": " + value + "\n";
  }
}
