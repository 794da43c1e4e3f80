package io.pinrepo.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link Storage} knows of one stored object.
 *
 * @param key the object's key
 * @param size its length in bytes
 * @param versionToken an opaque token that changes whenever the object's content changes (the ETag
 *     on S3, a hash of the content, so rewriting identical bytes may keep it); pass it to {@link
 *     WriteCondition#matches(String)} to replace exactly this version
 * @param lastModified when this version was written, by the backend's clock
 */
public record ObjectInfo(ObjectKey key, long size, String versionToken, Instant lastModified) {

  /** Validates that every field is present and the size is not negative. */
  public ObjectInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(versionToken, "versionToken");
    Objects.requireNonNull(lastModified, "lastModified");
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size + " for " + key);
    }
    if (versionToken.isEmpty()) {
      throw new IllegalArgumentException("empty version token for " + key);
    }
  }
}
