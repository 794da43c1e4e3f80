package io.pinrepo.format;

import io.pinrepo.spi.ObjectKey;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An object a format's live tops reach, with its role in the commit protocol and, when an index
 * records them, its size and SHA-256. GC keeps every live object; replication copies them in role
 * order; a mirror verifies a copy of a blob against its recorded digest.
 *
 * @param key the object
 * @param role its role
 * @param size its size as an index records it, if one does
 * @param sha256 its SHA-256 (lower-case hex) as an index records it, if one does
 */
public record LiveObject(ObjectKey key, Role role, OptionalLong size, Optional<String> sha256) {

  /** An object's part in the commit protocol, in the order a consistent copy writes them. */
  public enum Role {
    /** Written once, never changed: package files, content-addressed indexes, signatures. */
    BLOB,
    /** Rendered from a top and written after it commits: legacy index paths, checksum files. */
    DERIVED,
    /**
     * A commit point, replaced only by a conditional write: names everything else. A top names
     * other tops only under keys with more segments than its own (PyPI's root page its projects'
     * pages, a Maven artifact's metadata its versions'), so a copy that writes the deeper tops
     * first never shows a top that names a missing one.
     */
    TOP
  }

  /** Rejects nulls and a malformed digest. */
  public LiveObject {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(sha256, "sha256");
    if (size.isPresent() && size.getAsLong() < 0) {
      throw new IllegalArgumentException("negative size for " + key);
    }
    if (sha256.isPresent() && !sha256.get().matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256.get() + " for " + key);
    }
  }

  /** A blob whose size and SHA-256 an index records. */
  public static LiveObject blob(ObjectKey key, long size, String sha256) {
    return new LiveObject(key, Role.BLOB, OptionalLong.of(size), Optional.of(sha256));
  }

  /** A blob no index records a digest for. */
  public static LiveObject blob(ObjectKey key) {
    return new LiveObject(key, Role.BLOB, OptionalLong.empty(), Optional.empty());
  }

  /** A file derived from a top. */
  public static LiveObject derived(ObjectKey key) {
    return new LiveObject(key, Role.DERIVED, OptionalLong.empty(), Optional.empty());
  }

  /** A commit point. */
  public static LiveObject top(ObjectKey key) {
    return new LiveObject(key, Role.TOP, OptionalLong.empty(), Optional.empty());
  }
}
