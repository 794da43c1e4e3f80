package io.pinrepo.build.format;

import io.pinrepo.spi.ObjectKey;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One object GC must keep, with what it is and, for files, the size and SHA-256 its manifest lists
 * (what replication or a mirror can verify a copy against).
 *
 * @param key the object
 * @param kind what it is
 * @param size its size when a manifest lists it
 * @param sha256 its SHA-256 when a manifest lists it
 */
record LiveObject(ObjectKey key, Kind kind, OptionalLong size, Optional<String> sha256) {

  /**
   * What a live object is. Files are blobs; a manifest is the commit point of its build (copy it
   * after its files); markers and history entries are derived from a manifest or pointer (copy them
   * after it); pointers are the mutable tops (copy them last).
   */
  enum Kind {
    FILE,
    MANIFEST,
    MARKER,
    HISTORY,
    POINTER
  }

  static LiveObject of(ObjectKey key, Kind kind) {
    return new LiveObject(key, kind, OptionalLong.empty(), Optional.empty());
  }
}
