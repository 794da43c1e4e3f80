package io.pinrepo.build.manifest;

import java.util.Objects;

/**
 * A manifest as stored: its content and the SHA-256 of its exact bytes, which a pointer records so
 * that a fetch through the pointer can tell whether the manifest changed since.
 *
 * @param manifest the manifest
 * @param sha256 the SHA-256 of the stored bytes, lower-case hex
 */
public record StoredManifest(Manifest manifest, String sha256) {
  /** Rejects nulls. */
  public StoredManifest {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(sha256, "sha256");
  }
}
