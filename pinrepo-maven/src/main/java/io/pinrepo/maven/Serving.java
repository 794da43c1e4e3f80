package io.pinrepo.maven;

import io.pinrepo.serving.CachePolicy;
import io.pinrepo.serving.ContentTypes;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ObjectKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the objects of the Maven layout are served, from their keys alone. The metadata files, the
 * prefix file and their checksums and signatures change with every deploy that touches them: short
 * caching. A release's files and a timestamped snapshot build's never change: immutable. A file
 * named {@code artifactId-x-SNAPSHOT...} (deployed without unique versions, as Maven 2 could) is
 * replaced by the next such deploy: short caching. Keys outside the layout are not claimed.
 */
final class Serving {
  private static final String JAR = "application/java-archive";

  /** Maven's own extensions; the generic ones come from {@link ContentTypes}. */
  private static final Map<String, String> BY_EXTENSION =
      Map.of(
          "jar", JAR,
          "war", JAR,
          "ear", JAR,
          "aar", JAR,
          "pom", "application/xml",
          "module", "application/json");

  private Serving() {}

  static Optional<ServingMetadata> of(ObjectKey key) {
    String name = key.fileName();
    if (isMutable(key)) {
      return Optional.of(new ServingMetadata(contentType(name), CachePolicy.SHORT));
    }
    Optional<Boolean> immutable = buildFile(key);
    return immutable.map(
        i -> new ServingMetadata(contentType(name), i ? CachePolicy.IMMUTABLE : CachePolicy.SHORT));
  }

  /** The metadata, the prefix file, and their checksums and signatures. */
  private static boolean isMutable(ObjectKey key) {
    String name = key.fileName();
    String value = key.value();
    return (key.segments().size() >= 2 && isTopOrBeside(name, Layout.METADATA))
        || isTopOrBeside(value, Layout.PREFIX_FILE.value());
  }

  private static boolean isTopOrBeside(String name, String top) {
    if (name.equals(top)) {
      return true;
    }
    if (!name.startsWith(top + ".")) {
      return false;
    }
    String suffix = name.substring(top.length());
    return suffix.equals(".asc") || MavenVerifier.isSidecar(suffix);
  }

  /**
   * Whether {@code key} is a file of a version directory, {@code .../artifactId/version/
   * artifactId-version...}, and then whether it is immutable; empty when it is no such file.
   */
  private static Optional<Boolean> buildFile(ObjectKey key) {
    List<String> segments = key.segments();
    if (segments.size() < 4) {
      return Optional.empty();
    }
    String version = segments.get(segments.size() - 2);
    String stem = segments.get(segments.size() - 3) + "-";
    if (!version.endsWith("-SNAPSHOT")) {
      return startsWithVersion(key.fileName(), stem + version)
          ? Optional.of(true)
          : Optional.empty();
    }
    if (startsWithVersion(key.fileName(), stem + version)) {
      return Optional.of(false);
    }
    return SnapshotFiles.parse(key).isPresent() ? Optional.of(true) : Optional.empty();
  }

  /** Whether {@code name} is {@code stem} followed by a classifier or an extension. */
  private static boolean startsWithVersion(String name, String stem) {
    return name.length() > stem.length() + 1
        && name.startsWith(stem)
        && (name.charAt(stem.length()) == '.' || name.charAt(stem.length()) == '-');
  }

  private static String contentType(String name) {
    String own = BY_EXTENSION.get(ContentTypes.extension(name));
    return own != null
        ? own
        : ContentTypes.ofFileName(name).orElse(ServingMetadata.UNKNOWN.contentType());
  }
}
