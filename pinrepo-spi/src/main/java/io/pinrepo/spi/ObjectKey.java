package io.pinrepo.spi;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The name of an object in a {@link Storage}: slash-separated segments, relative, normalised.
 *
 * <p>Keys are validated once, here, so no backend has to: a key has no leading {@code /}, no empty,
 * {@code .} or {@code ..} segment, no backslash, no control character, no unpaired surrogate, and
 * at most {@link #MAX_LENGTH} bytes of UTF-8. This is what keeps a repository's paths inside its
 * root on every backend.
 *
 * <p>A key may end with one {@code /}: a <em>directory key</em> ({@link #isDirectory()}), such as
 * {@code simple/foo/}, which names an object of its own beside the objects under it ({@code
 * simple/foo/index.html}), as S3 allows. Only a storage that {@link DirectoryKeys holds directory
 * keys} accepts one; a web client that asks for {@code simple/foo/} from such a bucket's REST
 * endpoint gets that object. Its last segment ({@link #segments()}, {@link #fileName()}) is empty.
 *
 * @param value the key, such as {@code dists/stable/InRelease}
 */
public record ObjectKey(String value) implements Comparable<ObjectKey> {

  /** The longest key accepted, in bytes of UTF-8 (as on S3). */
  public static final int MAX_LENGTH = 1024;

  /** Validates {@code value}; see the type's description for the rules. */
  public ObjectKey {
    String problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(
          "invalid object key '" + printable(value) + "': " + problem);
    }
  }

  /** Parses a key; throws {@link IllegalArgumentException} naming the problem when invalid. */
  public static ObjectKey of(String value) {
    return new ObjectKey(value);
  }

  /** Joins validated segments with {@code /}. */
  public static ObjectKey of(String first, String... more) {
    StringBuilder sb = new StringBuilder(first);
    for (String segment : more) {
      sb.append('/').append(segment);
    }
    return new ObjectKey(sb.toString());
  }

  /** This key with {@code child} (one or more segments) appended. */
  public ObjectKey resolve(String child) {
    return new ObjectKey(isDirectory() ? value + child : value + "/" + child);
  }

  /** Whether this is a directory key: one that ends with {@code /}. */
  public boolean isDirectory() {
    return value.endsWith("/");
  }

  /** The key's segments, in order; a directory key's last one is empty. */
  public List<String> segments() {
    return List.of(value.split("/", -1));
  }

  /** The last segment: the file name; empty for a directory key. */
  public String fileName() {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  /** Whether this key lies under {@code prefix} as a string prefix (listing semantics). */
  public boolean startsWith(String prefix) {
    return value.startsWith(prefix);
  }

  @Override
  public int compareTo(ObjectKey other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String problem(String value) {
    if (value == null) {
      return "null";
    }
    if (value.isEmpty()) {
      return "empty";
    }
    if (value.length() > MAX_LENGTH || value.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
      return "longer than " + MAX_LENGTH + " bytes of UTF-8";
    }
    if (value.startsWith("/")) {
      return "leading '/'";
    }
    if (value.endsWith("//")) {
      return "more than one trailing '/'";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        return "backslash at index " + i;
      }
      if (Character.isISOControl(c)) {
        return "control character at index " + i;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++; // a well-formed pair
      } else if (Character.isSurrogate(c)) {
        return "unpaired surrogate at index " + i;
      }
    }
    String path = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty()) {
        return "empty segment";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "'" + segment + "' segment";
      }
    }
    return null;
  }

  private static String printable(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder();
    value
        .codePoints()
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
}
