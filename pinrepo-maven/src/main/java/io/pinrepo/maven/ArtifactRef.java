package io.pinrepo.maven;

import io.pinrepo.format.Entry;
import io.pinrepo.spi.ObjectKey;
import java.util.Objects;

/**
 * One file of a deployed GAV, the POM or an artifact, as a deploy reports it: the entry of a Maven
 * repository. Its {@link #name()} is {@code groupId:artifactId}, its {@link #version()} the version
 * as deployed ({@code 2.0-SNAPSHOT} for every build of that snapshot); {@link #fileVersion()} is
 * the version its file name carries.
 *
 * @param coordinates the GAV deployed
 * @param classifier the classifier; empty for the main artifact and the POM
 * @param extension the extension, such as {@code jar} or {@code pom}
 * @param fileVersion the release version, or the timestamped snapshot version such as {@code
 *     2.0-20261122.000131-2}
 * @param buildNumber the snapshot build number; 0 for a release
 */
public record ArtifactRef(
    Coordinates coordinates,
    String classifier,
    String extension,
    String fileVersion,
    int buildNumber)
    implements Entry {

  /** Validates the kind, and that the file version and build number fit the version. */
  public ArtifactRef {
    Objects.requireNonNull(coordinates, "coordinates");
    Objects.requireNonNull(fileVersion, "fileVersion");
    if (classifier == null || !ArtifactFile.CLASSIFIER.matcher(classifier).matches()) {
      throw new IllegalArgumentException("invalid classifier '" + classifier + "'");
    }
    if (extension == null || !ArtifactFile.EXTENSION.matcher(extension).matches()) {
      throw new IllegalArgumentException("invalid extension '" + extension + "'");
    }
    if (coordinates.isSnapshot()) {
      String base = coordinates.version().substring(0, coordinates.version().length() - 9);
      if (buildNumber < 1 || !fileVersion.startsWith(base + "-")) {
        throw new IllegalArgumentException(
            "build " + buildNumber + " '" + fileVersion + "' is not one of " + coordinates);
      }
    } else if (buildNumber != 0 || !fileVersion.equals(coordinates.version())) {
      throw new IllegalArgumentException(
          "a release has no build: '" + fileVersion + "' " + buildNumber + " of " + coordinates);
    }
  }

  /** {@code groupId:artifactId}. */
  @Override
  public String name() {
    return coordinates.groupId() + ":" + coordinates.artifactId();
  }

  /** The version as deployed, such as {@code 1.0} or {@code 2.0-SNAPSHOT}. */
  @Override
  public String version() {
    return coordinates.version();
  }

  /** The file's key in the standard layout; its sidecars and signature lie beside it. */
  @Override
  public ObjectKey file() {
    return Layout.file(coordinates, fileVersion, classifier, extension);
  }

  /** The file's key, as {@code pinrepo maven deploy} reports it. */
  @Override
  public String toString() {
    return file().value();
  }
}
