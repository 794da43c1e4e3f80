package io.pinrepo.maven.metadata;

import java.util.Objects;

/**
 * The {@code <snapshot>} element of a snapshot version's metadata: which build is the newest.
 *
 * @param timestamp the build's UTC timestamp, {@code yyyyMMdd.HHmmss}; empty in {@link #NONE}
 * @param buildNumber the build's number, from 1; 0 in {@link #NONE}
 */
public record Snapshot(String timestamp, int buildNumber) {

  /** No snapshot element. */
  public static final Snapshot NONE = new Snapshot("", 0);

  /** Validates the timestamp's shape and that the number is not negative. */
  public Snapshot {
    Objects.requireNonNull(timestamp, "timestamp");
    if (buildNumber < 0) {
      throw new IllegalArgumentException("negative build number " + buildNumber);
    }
    if (!timestamp.isEmpty() && !timestamp.matches("\\d{8}\\.\\d{6}")) {
      throw new IllegalArgumentException("not a yyyyMMdd.HHmmss timestamp: '" + timestamp + "'");
    }
  }

  /** Whether this is {@link #NONE}. */
  public boolean isNone() {
    return timestamp.isEmpty() && buildNumber == 0;
  }
}
