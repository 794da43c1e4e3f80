package io.pinrepo.maven.metadata;

import java.util.Comparator;
import org.apache.maven.artifact.versioning.ComparableVersion;

/** Maven's own version order ({@link ComparableVersion}), with the string as a tie-breaker. */
final class VersionOrder {
  private VersionOrder() {}

  /** Orders versions as Maven does; versions Maven deems equal are ordered by their text. */
  static final Comparator<String> MAVEN =
      Comparator.comparing((String v) -> new ComparableVersion(v))
          .thenComparing(Comparator.naturalOrder());

  static boolean isSnapshot(String version) {
    return version.endsWith("-SNAPSHOT");
  }
}
