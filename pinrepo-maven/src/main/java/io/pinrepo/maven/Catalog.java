package io.pinrepo.maven;

import io.pinrepo.commit.Top;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a Maven repository back: which artifacts it holds and their versions, from the metadata.
 * Thread-safe; it writes nothing. See {@link MavenRepository#artifacts()} and {@link
 * MavenRepository#versions}.
 */
final class Catalog {

  private final Storage storage;

  Catalog(Storage storage) {
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  List<String> artifacts() throws IOException {
    List<String> found = new ArrayList<>();
    try (ObjectListing listing = storage.list("")) {
      while (listing.hasNext()) {
        ObjectInfo info = listing.next();
        if (info.key().fileName().equals(Layout.METADATA)) {
          MavenMetadata m = read(info.key());
          if (!m.artifactId().isEmpty()
              && m.version().isEmpty()
              && !m.versioning().versions().isEmpty()) {
            found.add(m.groupId() + ":" + m.artifactId());
          }
        }
      }
    }
    return found;
  }

  List<ListedVersion> versions(String groupId, String artifactId) throws IOException {
    Coordinates ga = new Coordinates(groupId, artifactId, "0");
    MavenMetadata m = read(Layout.artifactMetadata(ga));
    List<ListedVersion> listed = new ArrayList<>();
    for (String v : m.versioning().versions()) {
      Coordinates gav = new Coordinates(groupId, artifactId, v);
      String newest = "";
      if (gav.isSnapshot()) {
        MavenMetadata builds = read(Layout.versionMetadata(gav));
        if (builds.buildNumber() > 0) {
          newest =
              gav.version().substring(0, v.length() - "-SNAPSHOT".length())
                  + "-"
                  + builds.versioning().snapshot().timestamp()
                  + "-"
                  + builds.buildNumber();
        }
      }
      listed.add(new ListedVersion(v, newest));
    }
    return listed;
  }

  private MavenMetadata read(ObjectKey key) throws IOException {
    Top top = Top.read(storage, key, Sidecars.MAX_TOP_BYTES);
    return top.exists() ? MavenMetadata.parse(key.value(), top.bytes()) : MavenMetadata.EMPTY;
  }
}
