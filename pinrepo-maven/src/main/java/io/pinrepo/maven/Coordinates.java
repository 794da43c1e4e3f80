package io.pinrepo.maven;

import io.pinrepo.maven.internal.Printable;
import java.util.regex.Pattern;

/**
 * A Maven project's coordinates: {@code groupId:artifactId:version}. Parse with {@link #parse};
 * {@link #toString()} gives the same text back.
 *
 * @param groupId dotted, such as {@code com.example}
 * @param artifactId such as {@code demo}
 * @param version such as {@code 1.0} or {@code 2.0-SNAPSHOT}
 */
public record Coordinates(String groupId, String artifactId, String version) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.+\\-]+");

  /**
   * Validates each part: ids of letters, digits, {@code _ -} with single dots between them; a
   * version of letters, digits and {@code _ . + -} that does not start with a dot. No path, control
   * or property syntax gets through, so no part can name a file outside its directory.
   *
   * @throws IllegalArgumentException naming the part and its (quoted, escaped) value
   */
  public Coordinates {
    check("groupId", groupId, ID, "letters, digits, '-' and '_', with single dots between parts");
    check(
        "artifactId",
        artifactId,
        ID,
        "letters, digits, '-' and '_', with single dots between parts");
    check("version", version, VERSION, "letters, digits and '.', '-', '_', '+'");
    if (version.startsWith(".")) {
      throw new IllegalArgumentException(
          "invalid version " + Printable.quoted(version) + ": it must not start with a dot");
    }
  }

  /** Parses {@code groupId:artifactId:version}. */
  public static Coordinates parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "not groupId:artifactId:version: " + Printable.quoted(text));
    }
    return new Coordinates(parts[0], parts[1], parts[2]);
  }

  /** Whether this is a snapshot version ({@code -SNAPSHOT}), deployed as timestamped builds. */
  public boolean isSnapshot() {
    return version.endsWith("-SNAPSHOT");
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId + ":" + version;
  }

  private static void check(String what, String value, Pattern pattern, String allowed) {
    if (value == null) {
      throw new IllegalArgumentException("no " + what);
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty " + what);
    }
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid " + what + " " + Printable.quoted(value) + ": only " + allowed + " are allowed");
    }
  }
}
