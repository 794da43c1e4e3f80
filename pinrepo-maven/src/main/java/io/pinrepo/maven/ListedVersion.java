package io.pinrepo.maven;

import java.util.Objects;

/**
 * One version of an artifact as its metadata lists it (see {@link MavenRepository#versions}).
 *
 * @param version the version, such as {@code 1.0} or {@code 2.0-SNAPSHOT}
 * @param newestBuild for a snapshot, the timestamped version of its newest build, such as {@code
 *     2.0-20261122.000131-2}; else empty
 */
public record ListedVersion(String version, String newestBuild) {
  /** Rejects nulls. */
  public ListedVersion {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(newestBuild, "newestBuild");
  }
}
