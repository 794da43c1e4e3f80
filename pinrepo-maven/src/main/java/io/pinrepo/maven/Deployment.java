package io.pinrepo.maven;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.maven.internal.Printable;
import io.pinrepo.maven.pom.Pom;
import io.pinrepo.spi.ContentSource;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one deploy publishes: a POM and the artifacts of one GAV. The coordinates come from the POM
 * (groupId and version inherited from its parent when absent) unless given with {@link
 * #withCoordinates}; given coordinates must then agree with whatever the POM declares literally.
 *
 * @param pomSource the POM file as the user named it, for messages
 * @param pom the POM's bytes
 * @param artifacts the other files, at most one per classifier and extension
 * @param coordinates coordinates given instead of read from the POM
 */
public record Deployment(
    String pomSource,
    ContentSource pom,
    List<ArtifactFile> artifacts,
    Optional<Coordinates> coordinates) {

  /** Copies the list; rejects two artifacts of the same classifier and extension. */
  public Deployment {
    Objects.requireNonNull(pomSource, "pomSource");
    Objects.requireNonNull(pom, "pom");
    artifacts = List.copyOf(artifacts);
    Objects.requireNonNull(coordinates, "coordinates");
    Set<String> kinds = new HashSet<>(Set.of(":pom"));
    for (ArtifactFile a : artifacts) {
      if (!kinds.add(a.kind())) {
        throw new IllegalArgumentException(
            a.source()
                + ": a second file for classifier '"
                + a.classifier()
                + "' and extension '"
                + a.extension()
                + "'");
      }
    }
  }

  /** A deploy whose coordinates are read from the POM. */
  public static Deployment of(String pomSource, ContentSource pom, List<ArtifactFile> artifacts) {
    return new Deployment(pomSource, pom, artifacts, Optional.empty());
  }

  /** This deploy with the coordinates given rather than read from the POM. */
  public Deployment withCoordinates(Coordinates given) {
    return new Deployment(pomSource, pom, artifacts, Optional.of(given));
  }

  /**
   * The coordinates deployed: those given, which must agree with what {@code read} declares
   * literally, or else those {@code read} declares.
   */
  Coordinates coordinates(Pom read) throws MalformedPackageException {
    if (coordinates.isPresent()) {
      Coordinates given = coordinates.get();
      agree("groupId", read.groupId(), given.groupId());
      agree("artifactId", read.artifactId(), given.artifactId());
      agree("version", read.version(), given.version());
      return given;
    }
    if (read.groupId().isEmpty() || read.version().isEmpty()) {
      throw new MalformedPackageException(
          pomSource, "no groupId or version, in the project or its <parent>");
    }
    try {
      return new Coordinates(read.groupId(), read.artifactId(), read.version());
    } catch (IllegalArgumentException e) {
      boolean property = (read.groupId() + read.artifactId() + read.version()).contains("${");
      throw new MalformedPackageException(
          pomSource,
          e.getMessage()
              + (property ? " (properties are not interpolated: give the coordinates)" : ""),
          e);
    }
  }

  private void agree(String what, String declared, String given) throws MalformedPackageException {
    if (!declared.isEmpty() && !declared.contains("${") && !declared.equals(given)) {
      throw new MalformedPackageException(
          pomSource,
          "declares " + what + " " + Printable.quoted(declared) + " but '" + given + "' was given");
    }
  }
}
