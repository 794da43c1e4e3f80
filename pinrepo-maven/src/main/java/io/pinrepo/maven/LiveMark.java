package io.pinrepo.maven;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.commit.Top;
import io.pinrepo.format.LiveObject;
import io.pinrepo.format.LiveObject.Role;
import io.pinrepo.maven.SnapshotFiles.BuildFile;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The mark phase of GC for a Maven repository, from one listing: every metadata file and the prefix
 * file (tops) with their sidecars and signatures (derived); every file of each release version an
 * artifact lists (releases are immutable and never garbage); in each snapshot version's directory,
 * every file except those of builds that its metadata no longer keeps. Each object is reported
 * once, and only when the listing holds it; POMs, artifacts, their signatures and the sidecars of
 * all of them are blobs that no index records a digest of.
 */
final class LiveMark {
  private final Storage storage;
  private final int keepSnapshotBuilds;
  private final Consumer<LiveObject> live;
  private final String prefix;
  private final Set<ObjectKey> reported = new HashSet<>();
  private RepositoryScan scan;

  /** Marks the whole repository. */
  LiveMark(Storage storage, int keepSnapshotBuilds, Consumer<LiveObject> live) {
    this(storage, keepSnapshotBuilds, live, "");
  }

  /** Marks what lies under {@code prefix} (a group's directory, ending in {@code /}). */
  LiveMark(Storage storage, int keepSnapshotBuilds, Consumer<LiveObject> live, String prefix) {
    this.storage = storage;
    this.keepSnapshotBuilds = keepSnapshotBuilds;
    this.live = live;
    this.prefix = prefix;
  }

  void run() throws IOException {
    scan = RepositoryScan.of(storage, prefix);
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
          scan.directory(dir + "/" + version).forEach(this::file);
        }
      }
    }
    for (String dir : scan.snapshotDirectories()) {
      Predicate<BuildFile> keeps = keeper(ObjectKey.of(dir, Layout.METADATA));
      for (ObjectKey file : scan.directory(dir)) {
        Optional<BuildFile> build = SnapshotFiles.parse(file);
        if (build.isEmpty() || keeps.test(build.get())) {
          file(file); // not a build's file (not ours to judge), or a kept build's
        }
      }
    }
  }

  /** A mutable top with its sidecars and signature, those of them the listing holds. */
  private void top(ObjectKey key) {
    report(key, Role.TOP);
    for (ObjectKey sidecar : Sidecars.keys(key)) {
      report(sidecar, Role.DERIVED);
    }
    report(FileUploads.signatureKey(key), Role.DERIVED);
  }

  /**
   * A file of a version directory: a blob, unless it is version-level metadata or belongs to it
   * (reported with that metadata already).
   */
  private void file(ObjectKey key) {
    if (!key.fileName().startsWith(Layout.METADATA)) {
      report(key, Role.BLOB);
    } else if (key.fileName().equals(Layout.METADATA)) {
      top(key);
    } else {
      report(key, Role.DERIVED);
    }
  }

  private void report(ObjectKey key, Role role) {
    if (scan.contains(key) && reported.add(key)) {
      live.accept(new LiveObject(key, role, OptionalLong.empty(), Optional.empty()));
    }
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
