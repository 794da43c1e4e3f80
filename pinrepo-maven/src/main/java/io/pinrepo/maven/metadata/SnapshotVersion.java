package io.pinrepo.maven.metadata;

import java.util.Objects;

/**
 * One {@code <snapshotVersion>}: the newest build of one classifier and extension.
 *
 * @param classifier the classifier; empty for the main artifact
 * @param extension the file extension, such as {@code jar} or {@code pom}
 * @param value the timestamped version, such as {@code 2.0-20261122.000131-2}
 * @param updated when it was deployed, {@code yyyyMMddHHmmss} UTC
 */
public record SnapshotVersion(String classifier, String extension, String value, String updated) {

  /** Requires every field but the classifier to be non-empty. */
  public SnapshotVersion {
    Objects.requireNonNull(classifier, "classifier");
    requireText(extension, "extension");
    requireText(value, "value");
    Objects.requireNonNull(updated, "updated");
  }

  /** The key this entry is unique by within one metadata: {@code classifier:extension}. */
  public String key() {
    return classifier + ":" + extension;
  }

  /** The build number at the end of {@link #value()}, or 0 when it has none. */
  public int buildNumber() {
    int dash = value.lastIndexOf('-');
    String tail = value.substring(dash + 1);
    return dash > 0 && tail.matches("\\d{1,9}") ? Integer.parseInt(tail) : 0;
  }

  private static void requireText(String value, String what) {
    if (Objects.requireNonNull(value, what).isEmpty()) {
      throw new IllegalArgumentException("empty " + what);
    }
  }
}
