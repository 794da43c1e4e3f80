package io.pinrepo.build.pointer;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import java.util.Objects;

/**
 * A pointer as read: the version it names (with the change that set it) and the storage's version
 * token of what was read. A watcher compares tokens to tell a change with one cheap request.
 *
 * @param name the build line
 * @param pointer the pointer
 * @param lastChange the change that set the current version
 * @param versionToken the storage's token of the pointer object read (an ETag on S3)
 */
public record PointerState(
    BuildName name, PointerName pointer, PointerChange lastChange, String versionToken) {

  /** Rejects nulls. */
  public PointerState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(lastChange, "lastChange");
    Objects.requireNonNull(versionToken, "versionToken");
  }

  /** The version the pointer names. */
  public BuildVersion version() {
    return lastChange.to();
  }

  /** How many changes the pointer has had. */
  public long seq() {
    return lastChange.seq();
  }
}
