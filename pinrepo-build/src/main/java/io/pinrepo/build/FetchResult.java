package io.pinrepo.build;

import io.pinrepo.build.manifest.Manifest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A build fetched into a directory.
 *
 * @param manifest the build fetched
 * @param destination the directory now holding exactly its files
 */
public record FetchResult(Manifest manifest, Path destination) {
  /** Rejects nulls. */
  public FetchResult {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(destination, "destination");
  }
}
