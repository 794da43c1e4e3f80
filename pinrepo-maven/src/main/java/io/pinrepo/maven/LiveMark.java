package io.pinrepo.maven;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.commit.Top;
import io.pinrepo.maven.SnapshotFiles.BuildFile;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The mark phase of GC for a Maven repository, from one listing: every metadata file and the prefix
 * file with their sidecars; every file of each release version an artifact lists (releases are
 * immutable and never garbage); in each snapshot version's directory, every file except those of
 * builds that its metadata no longer keeps.
 */
final class LiveMark {
  private final Storage storage;
  private final int keepSnapshotBuilds;
  private final Consumer<ObjectKey> live;

  LiveMark(Storage storage, int keepSnapshotBuilds, Consumer<ObjectKey> live) {
    this.storage = storage;
    this.keepSnapshotBuilds = keepSnapshotBuilds;
    this.live = live;
  }

  void run() throws IOException {
    RepositoryScan scan = RepositoryScan.of(storage);
    top(Layout.PREFIX_FILE);
    for (ObjectKey key : scan.metadataFiles()) {
      top(key);
      Optional<MavenMetadata> m = read(key);
      if (m.isEmpty()) {
        continue;
      }
      String dir = key.value().substring(0, key.value().lastIndexOf('/'));
      for (String version : m.get().versioning().versions()) {
        if (!version.endsWith("-SNAPSHOT")) {
          scan.directory(dir + "/" + version).forEach(live);
        }
      }
    }
    for (String dir : scan.snapshotDirectories()) {
      ObjectKey key = ObjectKey.of(dir, Layout.METADATA);
      top(key);
      Predicate<BuildFile> keeps = keeper(key);
      for (ObjectKey file : scan.directory(dir)) {
        Optional<BuildFile> build = SnapshotFiles.parse(file);
        if (build.isEmpty() || keeps.test(build.get())) {
          live.accept(file); // not a build's file (not ours to judge), or a kept build's
        }
      }
    }
  }

  /** A mutable top, its sidecars and a signature should it have one. */
  private void top(ObjectKey key) {
    live.accept(key);
    Sidecars.keys(key).forEach(live);
    live.accept(FileUploads.signatureKey(key));
  }

  /**
   * Which builds a snapshot version's metadata keeps: none when it has no metadata (no build was
   * committed), all when the metadata cannot be read (GC cannot tell, so it keeps).
   */
  private Predicate<BuildFile> keeper(ObjectKey key) throws IOException {
    Top top = Top.read(storage, key, Sidecars.MAX_TOP_BYTES);
    if (!top.exists()) {
      return build -> false;
    }
    try {
      MavenMetadata m = MavenMetadata.parse(key.value(), top.bytes());
      return build -> SnapshotFiles.kept(build, m, keepSnapshotBuilds);
    } catch (MalformedPackageException e) {
      return build -> true;
    }
  }

  /** The metadata, or empty when it is absent or unreadable (then it keeps nothing alive). */
  private Optional<MavenMetadata> read(ObjectKey key) throws IOException {
    Top top = Top.read(storage, key, Sidecars.MAX_TOP_BYTES);
    if (!top.exists()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MavenMetadata.parse(key.value(), top.bytes()));
    } catch (MalformedPackageException e) {
      return Optional.empty();
    }
  }
}
