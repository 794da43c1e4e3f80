package io.pinrepo.build;

import io.pinrepo.PackageConflictException;
import io.pinrepo.build.internal.Times;
import io.pinrepo.build.manifest.BuildFile;
import io.pinrepo.build.manifest.FileEntry;
import io.pinrepo.build.manifest.Manifest;
import io.pinrepo.build.manifest.ManifestJson;
import io.pinrepo.build.manifest.NewBuild;
import io.pinrepo.commit.Blobs;
import io.pinrepo.commit.Settlement;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes one build in the protocol's order: hash every file, check that the version is free (or
 * holds the same build), upload the files as write-once blobs, write the manifest on condition that
 * it is absent (the commit point: the build exists from this write on), then the listing marker,
 * then apply the retention to the name's listing. A publish that loses the manifest race to a
 * different build removes the files it created that the winner does not name, and reports the
 * conflict.
 *
 * <p>The marker is written directly, not through {@code OptimisticCommit.Operation.settle}: it is a
 * write-once object named by what it records (the build's time and version), so a late or repeated
 * write either writes the same bytes or finds them there; there is no older state that could
 * overwrite a newer one, and nothing to re-check.
 */
final class BuildPublisher {

  private final Storage storage;
  private final Settings settings;
  private final ManifestStore store;
  private final Listing listing;

  BuildPublisher(Storage storage, Settings settings, ManifestStore store) {
    this.storage = storage;
    this.settings = settings;
    this.store = store;
    this.listing = new Listing(storage);
  }

  ChangeReport<BuildRef> publish(NewBuild build) throws IOException {
    List<Digests> digests = new ArrayList<>();
    List<FileEntry> entries = new ArrayList<>();
    for (BuildFile file : build.files()) {
      Digests d = hash(file);
      digests.add(d);
      entries.add(new FileEntry(file.path(), d.size(), d.sha256()));
    }
    Manifest mine =
        new Manifest(
            build.name(),
            build.version(),
            Times.truncate(settings.clock().instant()),
            build.metadata(),
            entries);
    // A published build that GC deletes while this publish keeps it alive is published again.
    for (int attempt = 1; attempt <= 3; attempt++) {
      Optional<ManifestStore.Read> existing = store.read(build.name(), build.version());
      if (existing.isEmpty()) {
        return upload(build, digests, mine);
      }
      Optional<ChangeReport<BuildRef>> again = again(existing.get(), mine, List.of());
      if (again.isPresent()) {
        return again.get();
      }
    }
    throw new IOException(
        BuildLayout.manifest(build.name(), build.version())
            + " keeps vanishing (a GC with no grace period?); publish again");
  }

  private ChangeReport<BuildRef> upload(NewBuild build, List<Digests> digests, Manifest mine)
      throws IOException {
    List<ObjectKey> written = new ArrayList<>();
    for (int i = 0; i < build.files().size(); i++) {
      BuildFile file = build.files().get(i);
      ObjectKey key = BuildLayout.file(build.name(), build.version(), file.path());
      try {
        if (Blobs.put(storage, key, file.content(), digests.get(i), settings.clock())
            == Blobs.Outcome.WRITTEN) {
          written.add(key);
        }
      } catch (PackageConflictException e) {
        throw fileTaken(mine, file, written, e);
      }
    }
    ObjectKey manifestKey = BuildLayout.manifest(build.name(), build.version());
    try {
      storage.write(
          manifestKey,
          ContentSource.ofBytes(ManifestJson.render(mine)),
          WriteCondition.mustBeAbsent());
    } catch (PreconditionFailedException lost) {
      Optional<ManifestStore.Read> winner = store.read(build.name(), build.version());
      if (winner.isEmpty()) {
        throw new IOException(manifestKey + " appeared and vanished while publishing", lost);
      }
      Optional<ChangeReport<BuildRef>> again = again(winner.get(), mine, written);
      if (again.isEmpty()) {
        throw new IOException(manifestKey + " vanished while publishing; publish again", lost);
      }
      return again.get();
    }
    store.writeMarker(mine);
    BuildRef ref = new BuildRef(mine.name(), mine.version(), mine.time());
    List<BuildRef> dropped = listing.applyRetention(settings.retention(), ref);
    List<BuildRef> added = dropped.contains(ref) ? List.of() : List.of(ref);
    return new ChangeReport<>(added, List.of(), dropped, true, Settlement.CURRENT);
  }

  /**
   * The version holds {@code published} already. The same build makes this publish a no-op that
   * repairs a missing listing marker, applies the retention (which a publish that died after its
   * marker left undone) and keeps the build from a concurrent GC; empty when GC deleted it
   * meanwhile. Another build is a conflict, after removing the files this publish created that
   * {@code published} does not name.
   */
  private Optional<ChangeReport<BuildRef>> again(
      ManifestStore.Read published, Manifest mine, List<ObjectKey> written) throws IOException {
    if (!published.manifest().sameBuildAs(mine)) {
      removeUnnamed(written, published.manifest());
      throw conflict(published.manifest(), mine);
    }
    if (!store.keepAlive(published)) {
      return Optional.empty();
    }
    store.ensureMarker(published.manifest());
    // Completes the retention of a publish of this build that died after its marker.
    BuildRef ref = published.ref();
    List<BuildRef> dropped = listing.applyRetention(settings.retention(), ref);
    List<BuildRef> unchanged = dropped.contains(ref) ? List.of() : List.of(ref);
    return Optional.of(
        new ChangeReport<>(List.of(), unchanged, dropped, !dropped.isEmpty(), Settlement.CURRENT));
  }

  private static BuildConflictException conflict(Manifest published, Manifest mine) {
    return new BuildConflictException(
        mine.name(),
        mine.version(),
        mine.name()
            + " "
            + mine.version()
            + " is already published with other content ("
            + Differences.between(published, mine)
            + "); versions are write-once, publish a new one");
  }

  /**
   * A file's key holds other bytes. If a build of this version is complete, that is the ordinary
   * conflict. If not, another publish of this version with other bytes is in progress or died; the
   * files this publish wrote stay (that publish may name them too) for GC to remove.
   */
  private IOException fileTaken(
      Manifest mine, BuildFile file, List<ObjectKey> written, PackageConflictException e)
      throws IOException {
    Optional<ManifestStore.Read> published = store.read(mine.name(), mine.version());
    if (published.isPresent() && !published.get().manifest().sameBuildAs(mine)) {
      removeUnnamed(written, published.get().manifest());
      BuildConflictException conflict = conflict(published.get().manifest(), mine);
      conflict.addSuppressed(e);
      return conflict;
    }
    BuildConflictException conflict =
        new BuildConflictException(
            mine.name(),
            mine.version(),
            mine.name()
                + " "
                + mine.version()
                + ": "
                + file.path()
                + " ("
                + file.source()
                + ") is already stored with other content by another publish of this version,"
                + " in progress or died; versions are write-once, publish a new one");
    conflict.addSuppressed(e);
    return conflict;
  }

  /**
   * Deletes what this publish created (with a must-be-absent write, so no other publisher could
   * have committed it) that {@code published} does not name.
   */
  private void removeUnnamed(List<ObjectKey> written, Manifest published) throws IOException {
    for (ObjectKey key : written) {
      boolean named =
          BuildLayout.parse(key)
              .filter(
                  k -> k instanceof BuildLayout.FileKey f && published.file(f.path()).isPresent())
              .isPresent();
      if (!named) {
        storage.delete(key, WriteCondition.none());
      }
    }
  }

  private static Digests hash(BuildFile file) throws IOException {
    try (InputStream in = file.content().open()) {
      return Digests.of(in);
    }
  }
}
