package io.pinrepo.build.manifest;

import io.pinrepo.build.internal.Syntax;
import java.util.List;

/**
 * Where a file sits inside a build, relative to the build's root: {@code app.tar.gz}, {@code
 * bin/server}. One to 16 segments joined by {@code /}, each of {@code A-Z a-z 0-9 . _ + = @ ~ -},
 * none {@code .} or {@code ..}, at most 512 characters in all. A fetched build can therefore never
 * write outside its destination directory.
 *
 * @param value the path
 */
public record BuildPath(String value) implements Comparable<BuildPath> {

  /** The longest path accepted. */
  public static final int MAX_LENGTH = 512;

  /** The most segments accepted. */
  public static final int MAX_SEGMENTS = 16;

  /** Validates the syntax; throws {@link IllegalArgumentException} naming the problem. */
  public BuildPath {
    String problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(
          "invalid file path '"
              + (value == null ? "null" : Syntax.printable(value))
              + "' in a build: "
              + problem);
    }
  }

  /** Parses a path. */
  public static BuildPath of(String value) {
    return new BuildPath(value);
  }

  /** The segments, in order. */
  public List<String> segments() {
    return List.of(value.split("/", -1));
  }

  /** Whether {@code other} lies inside this path taken as a directory. */
  public boolean contains(BuildPath other) {
    return other.value.startsWith(value + "/");
  }

  @Override
  public int compareTo(BuildPath other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String problem(String value) {
    if (value == null || value.isEmpty()) {
      return "empty";
    }
    if (value.length() > MAX_LENGTH) {
      return "longer than " + MAX_LENGTH + " characters";
    }
    String[] segments = value.split("/", -1);
    if (segments.length > MAX_SEGMENTS) {
      return "more than " + MAX_SEGMENTS + " segments";
    }
    for (String segment : segments) {
      if (segment.isEmpty()) {
        return "empty segment (leading, trailing or doubled '/')";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "'" + segment + "' segment";
      }
      if (!Syntax.PATH_SEGMENT.matcher(segment).matches()) {
        return "segment '"
            + Syntax.printable(segment)
            + "' has characters other than A-Z a-z 0-9 . _ + = @ ~ -";
      }
    }
    return null;
  }
}
