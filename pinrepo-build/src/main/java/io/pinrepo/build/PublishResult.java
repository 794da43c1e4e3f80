package io.pinrepo.build;

import java.util.Objects;

/**
 * What a publish did.
 *
 * @param manifest the build as it now is in the repository (when it was already there, with its
 *     original time)
 * @param alreadyPublished whether the same build was there already, so nothing new was written
 * @param filesUploaded how many files this publish wrote (files already stored with the same bytes
 *     are not written again)
 */
public record PublishResult(Manifest manifest, boolean alreadyPublished, int filesUploaded) {
  /** Rejects a null manifest and a negative count. */
  public PublishResult {
    Objects.requireNonNull(manifest, "manifest");
    if (filesUploaded < 0) {
      throw new IllegalArgumentException("negative count " + filesUploaded);
    }
  }
}
