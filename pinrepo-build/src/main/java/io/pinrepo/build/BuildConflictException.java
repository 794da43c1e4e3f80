package io.pinrepo.build;

import io.pinrepo.PackageConflictException;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import java.util.Objects;

/**
 * A build of that name and version is already published (or being published) with other files or
 * metadata. Versions are write-once: publish under a new version instead. The repository is as it
 * was before the refused publish.
 */
public class BuildConflictException extends PackageConflictException {
  private static final long serialVersionUID = 1L;

  private final transient BuildName name;
  private final transient BuildVersion version;

  /** For build {@code name} {@code version}, with a one-line message saying what differs. */
  public BuildConflictException(BuildName name, BuildVersion version, String message) {
    super(message);
    this.name = Objects.requireNonNull(name, "name");
    this.version = Objects.requireNonNull(version, "version");
  }

  /** The build line. */
  public BuildName name() {
    return name;
  }

  /** The version that is taken. */
  public BuildVersion version() {
    return version;
  }
}
