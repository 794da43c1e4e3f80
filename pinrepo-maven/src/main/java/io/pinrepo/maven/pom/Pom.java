package io.pinrepo.maven.pom;

import java.util.Objects;

/**
 * What a deploy reads from a POM. {@code groupId} and {@code version} are inherited from {@code
 * <parent>} when the project does not declare them. A value that still holds a property reference
 * ({@code ${revision}}) is kept as written; callers refuse it or supply coordinates themselves.
 *
 * @param groupId the project's groupId, or its parent's
 * @param artifactId the project's artifactId
 * @param version the project's version, or its parent's
 * @param packaging the packaging, {@code jar} when not declared
 * @param name the display name; empty when not declared
 */
public record Pom(
    String groupId, String artifactId, String version, String packaging, String name) {

  /** Rejects nulls. */
  public Pom {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(packaging, "packaging");
    Objects.requireNonNull(name, "name");
  }
}
