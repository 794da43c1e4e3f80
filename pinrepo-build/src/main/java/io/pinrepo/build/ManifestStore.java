package io.pinrepo.build;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.Manifest;
import io.pinrepo.build.manifest.ManifestJson;
import io.pinrepo.build.manifest.StoredManifest;
import io.pinrepo.commit.Blobs;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Reads manifests and keeps the objects around them right: the listing marker (written after the
 * manifest, repaired when a publish died in between) and the manifest's age (refreshed so that a
 * concurrent GC spares a build that a publish or a pointer change is about to name).
 */
final class ManifestStore {

  /** A manifest read: its content, its stored bytes' digest, the bytes and their version. */
  record Read(Manifest manifest, String sha256, byte[] bytes, ObjectInfo info) {
    StoredManifest stored() {
      return new StoredManifest(manifest, sha256);
    }

    BuildRef ref() {
      return new BuildRef(manifest.name(), manifest.version(), manifest.time());
    }
  }

  private final Storage storage;
  private final Clock clock;

  ManifestStore(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * The manifest of {@code name} {@code version}, if the build is complete.
   *
   * @throws MalformedPackageException when the stored manifest is not one, or not this build's
   */
  Optional<Read> read(BuildName name, BuildVersion version) throws IOException {
    ObjectKey key = BuildLayout.manifest(name, version);
    byte[] bytes;
    ObjectInfo info;
    try (ObjectStream in = storage.read(key)) {
      info = in.info();
      if (info.size() > ManifestJson.MAX_BYTES) {
        throw new MalformedPackageException(
            key.value(), info.size() + " bytes, over the " + ManifestJson.MAX_BYTES + " allowed");
      }
      bytes = in.readNBytes(ManifestJson.MAX_BYTES + 1);
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
    if (bytes.length > ManifestJson.MAX_BYTES) {
      throw new MalformedPackageException(
          key.value(), "over the " + ManifestJson.MAX_BYTES + " bytes allowed");
    }
    Manifest manifest = ManifestJson.parse(bytes, key.value());
    if (!manifest.name().equals(name) || !manifest.version().equals(version)) {
      throw new MalformedPackageException(
          key.value(), "describes " + manifest.name() + " " + manifest.version());
    }
    return Optional.of(new Read(manifest, Digests.of(bytes).sha256(), bytes, info));
  }

  /**
   * The stored manifest of the complete build {@code name} {@code version}, kept from a concurrent
   * GC ({@link #keepAlive}): what a pointer change calls before naming the build.
   *
   * @throws NoSuchBuildException when there is no complete build of that version
   */
  StoredManifest hold(BuildName name, BuildVersion version) throws IOException {
    Optional<Read> read = read(name, version);
    if (read.isPresent() && keepAlive(read.get())) {
      return read.get().stored();
    }
    throw missing(name, version);
  }

  /** The exception for a build that is not complete: missing, or files without a manifest. */
  NoSuchBuildException missing(BuildName name, BuildVersion version) throws IOException {
    boolean partial;
    try (ObjectListing listing = storage.list(BuildLayout.versionPrefix(name, version))) {
      partial = listing.hasNext();
    }
    return new NoSuchBuildException(
        name,
        version,
        partial
            ? name
                + " "
                + version
                + " is incomplete (files but no manifest: its publish is in progress or died)"
            : "no build " + name + " " + version);
  }

  /**
   * Writes the listing marker of {@code manifest} unless it is there: a stat, and a write only when
   * it is missing.
   */
  void ensureMarker(Manifest manifest) throws IOException {
    ObjectKey key = BuildLayout.marker(manifest.name(), manifest.time(), manifest.version());
    if (storage.stat(key).isEmpty()) {
      writeMarker(manifest);
    }
  }

  /** Writes the listing marker of {@code manifest}, which is write-once: a lost race is a no-op. */
  void writeMarker(Manifest manifest) throws IOException {
    ObjectKey key = BuildLayout.marker(manifest.name(), manifest.time(), manifest.version());
    byte[] bytes = (manifest.version().value() + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      storage.write(key, ContentSource.ofBytes(bytes), WriteCondition.mustBeAbsent());
    } catch (PreconditionFailedException e) {
      // Written meanwhile by another publisher of the same build: the same bytes.
    }
  }

  /**
   * Keeps the build {@code read} from a concurrent GC before something names it: rewrites its
   * manifest with the same bytes, on condition of the version read, when it is older than {@link
   * Blobs#REFRESH_AFTER} (GC deletes nothing younger than its grace period, which exceeds that, and
   * re-checks the age and version just before each delete).
   *
   * @return false when the manifest was deleted by the time of the rewrite
   */
  boolean keepAlive(Read read) throws IOException {
    ObjectInfo info = read.info();
    if (!info.lastModified().isBefore(clock.instant().minus(Blobs.REFRESH_AFTER))) {
      return true;
    }
    try {
      storage.write(
          info.key(),
          ContentSource.ofBytes(read.bytes()),
          WriteCondition.matches(info.versionToken()));
      return true;
    } catch (PreconditionFailedException e) {
      return storage.stat(info.key()).isPresent(); // rewritten meanwhile (fresh), or deleted
    }
  }
}
