package io.pinrepo.maven;

import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.maven.metadata.Snapshot;
import io.pinrepo.maven.metadata.SnapshotBuild;
import io.pinrepo.maven.metadata.SnapshotVersion;
import io.pinrepo.spi.ObjectKey;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a snapshot version's directory, sorted into builds by their names ({@code
 * demo-2.0-20261122.000131-2-sources.jar.sha1} belongs to build 2 of 20261122.000131), and which
 * builds a version-level {@code maven-metadata.xml} keeps.
 */
final class SnapshotFiles {
  private static final Pattern BUILD = Pattern.compile("(\\d{8}\\.\\d{6})-(\\d{1,9})([-.].*)");

  /**
   * One file of a timestamped build: the file itself, a sidecar or a signature.
   *
   * @param key the file
   * @param snapshotVersion the version of its directory, such as {@code 2.0-SNAPSHOT}
   * @param fileVersion the version its name carries, such as {@code 2.0-20261122.000131-2}
   * @param buildNumber the build number in it
   */
  record BuildFile(ObjectKey key, String snapshotVersion, String fileVersion, int buildNumber) {}

  private SnapshotFiles() {}

  /**
   * The build {@code key} belongs to, when it lies in a snapshot version directory and is named
   * {@code artifactId-base-timestamp-buildNumber} followed by a classifier or an extension.
   */
  static Optional<BuildFile> parse(ObjectKey key) {
    List<String> segments = key.segments();
    if (segments.size() < 4) {
      return Optional.empty();
    }
    String version = segments.get(segments.size() - 2);
    if (!version.endsWith("-SNAPSHOT")) {
      return Optional.empty();
    }
    String base = version.substring(0, version.length() - "-SNAPSHOT".length());
    String stem = segments.get(segments.size() - 3) + "-" + base + "-";
    String name = key.fileName();
    if (!name.startsWith(stem)) {
      return Optional.empty();
    }
    Matcher m = BUILD.matcher(name.substring(stem.length()));
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new BuildFile(
            key,
            version,
            base + "-" + m.group(1) + "-" + m.group(2),
            Integer.parseInt(m.group(2))));
  }

  /**
   * Whether {@code metadata} keeps {@code file}'s build: the metadata names it (newest build, or a
   * {@code snapshotVersion} of a kind not deployed since), or it is older than the newest build and
   * among the newest {@code keepBuilds} (0: every older build). A build numbered like the newest
   * but with another timestamp is a deploy that lost or crashed, and a build above the newest one
   * is not committed (yet): neither is kept.
   */
  static boolean kept(BuildFile file, MavenMetadata metadata, int keepBuilds) {
    if (named(metadata, file.snapshotVersion()).contains(file.fileVersion())) {
      return true;
    }
    int newest = metadata.buildNumber();
    int oldestKept = keepBuilds > 0 ? newest - keepBuilds + 1 : 1;
    return file.buildNumber() < newest && file.buildNumber() >= oldestKept;
  }

  /**
   * The file versions the metadata of {@code snapshotVersion} names: its newest build's and every
   * snapshotVersion's.
   */
  static Set<String> named(MavenMetadata metadata, String snapshotVersion) {
    Set<String> named = new HashSet<>();
    for (SnapshotVersion v : metadata.versioning().snapshotVersions()) {
      named.add(v.value());
    }
    Snapshot newest = metadata.versioning().snapshot();
    if (newest.buildNumber() > 0 && !newest.timestamp().isEmpty()) {
      named.add(
          new SnapshotBuild(newest.timestamp(), newest.buildNumber()).fileVersion(snapshotVersion));
    }
    return named;
  }
}
