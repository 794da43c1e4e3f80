package io.pinrepo.maven.metadata;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One deploy of a snapshot version: the UTC second it was made and its build number, which together
 * name its files ({@code artifactId-2.0-20261122.000131-2.jar}).
 *
 * @param timestamp {@code yyyyMMdd.HHmmss} in UTC
 * @param buildNumber from 1, one more than the build before
 */
public record SnapshotBuild(String timestamp, int buildNumber) {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd.HHmmss").withZone(ZoneOffset.UTC);

  /** Validates the timestamp's shape and that the number is positive. */
  public SnapshotBuild {
    if (buildNumber < 1) {
      throw new IllegalArgumentException("build number must be at least 1: " + buildNumber);
    }
    new Snapshot(timestamp, buildNumber);
  }

  /** The build made at {@code when} (truncated to the second, UTC) with {@code buildNumber}. */
  public static SnapshotBuild of(Instant when, int buildNumber) {
    return new SnapshotBuild(FORMAT.format(when), buildNumber);
  }

  /**
   * The version this build's files carry: {@code baseVersion} ({@code 2.0-SNAPSHOT} or {@code 2.0})
   * with {@code -SNAPSHOT} replaced by {@code -timestamp-buildNumber}.
   */
  public String fileVersion(String version) {
    String base =
        version.endsWith("-SNAPSHOT")
            ? version.substring(0, version.length() - "-SNAPSHOT".length())
            : version;
    return base + "-" + timestamp + "-" + buildNumber;
  }

  /**
   * The timestamp as {@code <lastUpdated>} and {@code <updated>} write it: {@code yyyyMMddHHmmss}.
   */
  public String updated() {
    return timestamp.replace(".", "");
  }
}
