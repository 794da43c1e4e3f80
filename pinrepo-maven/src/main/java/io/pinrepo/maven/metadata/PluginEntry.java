package io.pinrepo.maven.metadata;

import java.util.Objects;

/**
 * One {@code <plugin>} of group-level metadata: how Maven finds a plugin by its goal prefix.
 *
 * @param name the plugin's display name; may be empty
 * @param prefix the goal prefix, such as {@code foo} for {@code mvn foo:goal}
 * @param artifactId the plugin's artifactId
 */
public record PluginEntry(String name, String prefix, String artifactId) {

  /** Requires a prefix and an artifactId. */
  public PluginEntry {
    Objects.requireNonNull(name, "name");
    if (Objects.requireNonNull(prefix, "prefix").isEmpty()) {
      throw new IllegalArgumentException("empty plugin prefix");
    }
    if (Objects.requireNonNull(artifactId, "artifactId").isEmpty()) {
      throw new IllegalArgumentException("empty plugin artifactId");
    }
  }
}
