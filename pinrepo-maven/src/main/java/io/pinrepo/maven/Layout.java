package io.pinrepo.maven;

import io.pinrepo.spi.ObjectKey;

/** The standard Maven repository layout: where each file of a GAV lives. */
final class Layout {
  static final String METADATA = "maven-metadata.xml";
  static final ObjectKey PREFIX_FILE = ObjectKey.of(".meta/prefixes.txt");

  private Layout() {}

  static String groupPath(String groupId) {
    return groupId.replace('.', '/');
  }

  static ObjectKey groupMetadata(String groupId) {
    return ObjectKey.of(groupPath(groupId), METADATA);
  }

  static ObjectKey artifactMetadata(Coordinates c) {
    return ObjectKey.of(groupPath(c.groupId()), c.artifactId(), METADATA);
  }

  static ObjectKey versionMetadata(Coordinates c) {
    return versionDir(c).resolve(METADATA);
  }

  static ObjectKey versionDir(Coordinates c) {
    return ObjectKey.of(groupPath(c.groupId()), c.artifactId(), c.version());
  }

  /** The file of {@code kind} in {@code c}'s version directory, named with {@code fileVersion}. */
  static ObjectKey file(Coordinates c, String fileVersion, String classifier, String extension) {
    String name =
        c.artifactId()
            + "-"
            + fileVersion
            + (classifier.isEmpty() ? "" : "-" + classifier)
            + "."
            + extension;
    return versionDir(c).resolve(name);
  }
}
