package io.pinrepo.maven;

import io.pinrepo.spi.ObjectKey;
import java.util.List;
import java.util.Objects;

/**
 * What a deploy did.
 *
 * @param coordinates the GAV deployed
 * @param fileVersion the version in the file names: the release version, or the timestamped
 *     snapshot version such as {@code 2.0-20261122.000131-2}
 * @param buildNumber the snapshot build number; 0 for a release
 * @param files the keys of the POM and artifacts, without sidecars
 * @param changed false when a release was deployed again with identical bytes and nothing changed
 */
public record DeployResult(
    Coordinates coordinates,
    String fileVersion,
    int buildNumber,
    List<ObjectKey> files,
    boolean changed) {

  /** Copies the list. */
  public DeployResult {
    Objects.requireNonNull(coordinates, "coordinates");
    Objects.requireNonNull(fileVersion, "fileVersion");
    files = List.copyOf(files);
  }
}
