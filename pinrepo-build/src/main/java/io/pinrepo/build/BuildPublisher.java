package io.pinrepo.build;

import io.pinrepo.ImmutableObjectException;
import io.pinrepo.build.internal.Times;
import io.pinrepo.commit.Blobs;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes one build in the protocol's order: check that the version is free (or holds the same
 * build), upload the files as write-once blobs, write the manifest on condition that it is absent
 * (the commit point: the build exists from this write on), then the listing marker. A publish that
 * loses the manifest race to a different build removes the files it uploaded that the winner does
 * not name, and reports the conflict.
 */
final class BuildPublisher {

  private final Storage storage;
  private final Clock clock;
  private final ManifestStore store;

  BuildPublisher(Storage storage, Clock clock, ManifestStore store) {
    this.storage = storage;
    this.clock = clock;
    this.store = store;
  }

  PublishResult publish(NewBuild build) throws IOException {
    List<Digests> digests = new ArrayList<>();
    List<FileEntry> entries = new ArrayList<>();
    for (BuildFile file : build.files()) {
      Digests d = hash(file);
      digests.add(d);
      entries.add(new FileEntry(file.path(), d.size(), d.sha256()));
    }
    Manifest manifest =
        new Manifest(
            build.name(),
            build.version(),
            Times.truncate(clock.instant()),
            build.metadata(),
            entries);
    Optional<ManifestStore.Read> existing = store.read(build.name(), build.version());
    if (existing.isPresent()) {
      return settle(existing.get().manifest(), manifest, List.of());
    }
    List<ObjectKey> written = new ArrayList<>();
    for (int i = 0; i < build.files().size(); i++) {
      BuildFile file = build.files().get(i);
      ObjectKey key = BuildLayout.file(build.name(), build.version(), file.path());
      try {
        if (Blobs.put(storage, key, file.content(), digests.get(i), clock)
            == Blobs.Outcome.WRITTEN) {
          written.add(key);
        }
      } catch (ImmutableObjectException e) {
        throw fileTaken(manifest, file, written, e);
      }
    }
    byte[] bytes = ManifestJson.render(manifest);
    ObjectKey manifestKey = BuildLayout.manifest(build.name(), build.version());
    try {
      storage.write(manifestKey, ContentSource.ofBytes(bytes), WriteCondition.mustBeAbsent());
    } catch (PreconditionFailedException lost) {
      ManifestStore.Read winner =
          store.read(build.name(), build.version()).orElseThrow(() -> lostAndGone(manifest, lost));
      return settle(winner.manifest(), manifest, written);
    }
    writeMarker(manifest);
    return new PublishResult(manifest, false, written.size());
  }

  /**
   * The version holds {@code published} already: the same build makes this publish a no-op (and
   * repairs a missing listing marker); another is a conflict, after removing the files this publish
   * wrote that {@code published} does not name.
   */
  private PublishResult settle(Manifest published, Manifest mine, List<ObjectKey> written)
      throws IOException {
    if (published.sameBuildAs(mine)) {
      store.ensureMarker(published, false);
      return new PublishResult(published, true, written.size());
    }
    removeUnnamed(written, published);
    return conflict(published, mine);
  }

  private static PublishResult conflict(Manifest published, Manifest mine)
      throws BuildConflictException {
    throw new BuildConflictException(
        mine.name(),
        mine.version(),
        mine.name()
            + " "
            + mine.version()
            + " is already published with other content ("
            + difference(published, mine)
            + "); versions are write-once, publish a new one");
  }

  /**
   * A file's key holds other bytes. If a build of this version is complete, that is the ordinary
   * conflict. If not, another publish of this version with other bytes is in progress or died; the
   * files this publish wrote stay (that publish may name them too) for GC to remove.
   */
  private IOException fileTaken(
      Manifest mine, BuildFile file, List<ObjectKey> written, ImmutableObjectException e)
      throws IOException {
    Optional<ManifestStore.Read> published = store.read(mine.name(), mine.version());
    if (published.isPresent()) {
      try {
        settle(published.get().manifest(), mine, written);
      } catch (BuildConflictException conflict) {
        conflict.addSuppressed(e);
        return conflict;
      }
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

  private void removeUnnamed(List<ObjectKey> written, Manifest published) throws IOException {
    for (ObjectKey key : written) {
      Optional<BuildLayout.Key> parsed = BuildLayout.parse(key);
      boolean named =
          parsed.isPresent()
              && parsed.get() instanceof BuildLayout.FileKey f
              && published.file(f.path()).isPresent();
      if (!named) {
        storage.delete(key, WriteCondition.none());
      }
    }
  }

  private void writeMarker(Manifest manifest) throws IOException {
    ObjectKey key = BuildLayout.marker(manifest.name(), manifest.time(), manifest.version());
    try {
      storage.write(
          key,
          ContentSource.ofBytes(
              (manifest.version().value() + "\n").getBytes(StandardCharsets.UTF_8)),
          WriteCondition.mustBeAbsent());
    } catch (PreconditionFailedException e) {
      // The same build's marker, written by a concurrent publish of it.
    }
  }

  private static IOException lostAndGone(Manifest mine, PreconditionFailedException lost) {
    return new IOException(
        BuildLayout.manifest(mine.name(), mine.version())
            + " appeared and vanished while publishing; publish again",
        lost);
  }

  private static Digests hash(BuildFile file) throws IOException {
    try (InputStream in = file.content().open()) {
      return Digests.of(in);
    }
  }

  /** How {@code mine} differs from {@code published}, in one line. */
  static String difference(Manifest published, Manifest mine) {
    for (FileEntry p : published.files()) {
      Optional<FileEntry> m = mine.file(p.path());
      if (m.isEmpty()) {
        return "the published build also has " + p.path();
      }
      if (!m.get().equals(p)) {
        return p.path()
            + " is published with sha256 "
            + p.sha256()
            + " and "
            + p.size()
            + " bytes, this one has "
            + m.get().sha256()
            + " and "
            + m.get().size()
            + " bytes";
      }
    }
    for (FileEntry m : mine.files()) {
      if (published.file(m.path()).isEmpty()) {
        return m.path() + " is not in the published build";
      }
    }
    return "metadata " + published.metadata() + " is published, this one has " + mine.metadata();
  }
}
