package io.pinrepo.s3;

import java.util.Objects;

/**
 * Where a repository lives in S3: a bucket and a key prefix under which every object is stored.
 *
 * @param bucket the bucket's name
 * @param prefix the key prefix, empty or slash-separated segments without leading or trailing
 *     {@code /}; object {@code dists/x/InRelease} is stored as {@code PREFIX/dists/x/InRelease}
 */
public record S3Location(String bucket, String prefix) {

  /** Validates the bucket name (3 to 63 characters, no {@code /}) and the prefix. */
  public S3Location {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    if (bucket.length() < 3 || bucket.length() > 63 || !bucket.matches("[a-z0-9][a-z0-9.\\-]*")) {
      throw new IllegalArgumentException("invalid S3 bucket name '" + bucket + "'");
    }
    if (!prefix.isEmpty()
        && (prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//"))) {
      throw new IllegalArgumentException(
          "invalid S3 key prefix '" + prefix + "': no leading, trailing or double '/'");
    }
  }

  /**
   * Parses {@code s3://BUCKET} or {@code s3://BUCKET/PREFIX}; a trailing {@code /} is ignored.
   *
   * @throws IllegalArgumentException naming the problem when {@code uri} is not such a URI
   */
  public static S3Location parse(String uri) {
    Objects.requireNonNull(uri, "uri");
    if (!uri.startsWith("s3://")) {
      throw new IllegalArgumentException("not an s3:// URI: '" + uri + "'");
    }
    String rest = uri.substring("s3://".length());
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int slash = rest.indexOf('/');
    return slash < 0
        ? new S3Location(rest, "")
        : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
  }

  /** The S3 key of {@code key} under this location's prefix. */
  String s3Key(String key) {
    return prefix.isEmpty() ? key : prefix + "/" + key;
  }

  /** The inverse of {@link #s3Key}: the key below the prefix. */
  String relative(String s3Key) {
    return prefix.isEmpty() ? s3Key : s3Key.substring(prefix.length() + 1);
  }

  /** The S3 prefix to list for keys starting with {@code keyPrefix}. */
  String listPrefix(String keyPrefix) {
    return prefix.isEmpty() ? keyPrefix : prefix + "/" + keyPrefix;
  }

  /** {@code s3://BUCKET[/PREFIX]}, which {@link #parse} reads back. */
  @Override
  public String toString() {
    return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }
}
