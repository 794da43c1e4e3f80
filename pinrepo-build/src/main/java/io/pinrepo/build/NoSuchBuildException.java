package io.pinrepo.build;

import io.pinrepo.PinrepoException;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import java.util.Objects;

/**
 * There is no complete build of that name and version: none was published, its publish has not
 * finished (or died before its manifest), or GC removed it. Nothing was changed.
 */
public class NoSuchBuildException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  private final transient BuildName name;
  private final transient BuildVersion version;

  /** For build {@code name} {@code version}, with a one-line message. */
  public NoSuchBuildException(BuildName name, BuildVersion version, String message) {
    super(message);
    this.name = Objects.requireNonNull(name, "name");
    this.version = Objects.requireNonNull(version, "version");
  }

  /** The build line. */
  public BuildName name() {
    return name;
  }

  /** The version that is not there. */
  public BuildVersion version() {
    return version;
  }
}
