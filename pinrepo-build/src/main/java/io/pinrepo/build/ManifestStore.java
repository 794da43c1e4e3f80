package io.pinrepo.build;

import io.pinrepo.commit.Blobs;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads manifests and keeps the small objects around them right: the listing marker (written after
 * the manifest, repaired when a publish died in between) and the age of both (refreshed so that a
 * concurrent GC spares a build that is about to be named by a pointer).
 */
final class ManifestStore {

  /** A manifest read: its content, stored bytes' digest and version. */
  record Read(Manifest manifest, String sha256, byte[] bytes, ObjectInfo info) {
    StoredManifest stored() {
      return new StoredManifest(manifest, sha256);
    }
  }

  private final Storage storage;
  private final Clock clock;

  ManifestStore(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** The manifest of {@code name} {@code version}, if the build is complete. */
  Optional<Read> read(BuildName name, BuildVersion version) throws IOException {
    ObjectKey key = BuildLayout.manifest(name, version);
    byte[] bytes;
    ObjectInfo info;
    try (ObjectStream in = storage.read(key)) {
      info = in.info();
      if (info.size() > ManifestJson.MAX_BYTES) {
        throw new IOException(key + " is " + info.size() + " bytes, over the allowed size");
      }
      bytes = in.readNBytes(ManifestJson.MAX_BYTES + 1);
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
    if (bytes.length > ManifestJson.MAX_BYTES) {
      throw new IOException(key + " is over the allowed size");
    }
    Manifest manifest = ManifestJson.parse(bytes, key.value());
    if (!manifest.name().equals(name) || !manifest.version().equals(version)) {
      throw new io.pinrepo.MalformedPackageException(
          key.value(), "describes " + manifest.name() + " " + manifest.version());
    }
    return Optional.of(new Read(manifest, sha256(bytes), bytes, info));
  }

  /**
   * Writes the listing marker of {@code manifest} unless it is there; when {@code refresh}, also
   * rewrites an old one with its same bytes so that its age restarts.
   */
  void ensureMarker(Manifest manifest, boolean refresh) throws IOException {
    ObjectKey key = BuildLayout.marker(manifest.name(), manifest.time(), manifest.version());
    byte[] bytes = (manifest.version().value() + "\n").getBytes(StandardCharsets.UTF_8);
    Optional<ObjectInfo> info = storage.stat(key);
    if (info.isEmpty()) {
      try {
        storage.write(key, ContentSource.ofBytes(bytes), WriteCondition.mustBeAbsent());
      } catch (PreconditionFailedException e) {
        // Written meanwhile by another publisher of the same build: there, and fresh.
      }
    } else if (refresh) {
      refreshIfOld(key, bytes, info.get());
    }
  }

  /**
   * Rewrites the object under {@code key}, found as {@code info} with {@code bytes}, when it is
   * older than {@link Blobs#REFRESH_AFTER}, on condition of that version: GC deletes nothing
   * younger than its grace period and re-checks the age just before each delete.
   *
   * @return false when the object was gone by the time of the rewrite
   */
  boolean refreshIfOld(ObjectKey key, byte[] bytes, ObjectInfo info) throws IOException {
    if (!info.lastModified().isBefore(clock.instant().minus(Blobs.REFRESH_AFTER))) {
      return true;
    }
    try {
      storage.write(key, ContentSource.ofBytes(bytes), WriteCondition.matches(info.versionToken()));
      return true;
    } catch (PreconditionFailedException e) {
      return storage.stat(key).isPresent(); // rewritten meanwhile (fresh), or deleted
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(HashAlgorithm.SHA256.newDigest().digest(bytes));
  }
}
