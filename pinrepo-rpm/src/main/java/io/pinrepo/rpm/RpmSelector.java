package io.pinrepo.rpm;

import io.pinrepo.rpm.version.Nevra;
import io.pinrepo.rpm.version.RpmVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * Which listed packages a remove takes out: every version and architecture of a name, narrowed by
 * an epoch-version-release and an architecture when given. A version without an epoch matches any
 * epoch, and one without a release matches any release, as rpm's own queries do ({@code hello-2.0}
 * matches {@code hello-1:2.0-3}).
 *
 * @param name the package name
 * @param version the {@code [E:]V[-R]} to match, empty for any
 * @param arch the architecture to match, empty for any
 */
public record RpmSelector(String name, Optional<String> version, Optional<String> arch) {

  /**
   * Rejects an empty name and a malformed version.
   *
   * @throws IllegalArgumentException when the version is not {@code [E:]V[-R]}
   */
  public RpmSelector {
    if (Objects.requireNonNull(name, "name").isBlank()) {
      throw new IllegalArgumentException("empty package name");
    }
    Objects.requireNonNull(version, "version").ifPresent(RpmVersion::parse);
    Objects.requireNonNull(arch, "arch");
  }

  /** Every version and architecture of {@code name}. */
  public static RpmSelector named(String name) {
    return new RpmSelector(name, Optional.empty(), Optional.empty());
  }

  /** Exactly the package {@code nevra}. */
  public static RpmSelector of(Nevra nevra) {
    String evr = nevra.evr().epoch() + ":" + nevra.evr().version() + "-" + nevra.evr().release();
    return new RpmSelector(nevra.name(), Optional.of(evr), Optional.of(nevra.arch()));
  }

  /** This selector narrowed to {@code version}, {@code [E:]V[-R]}. */
  public RpmSelector withVersion(String version) {
    return new RpmSelector(name, Optional.of(version), arch);
  }

  /** This selector narrowed to {@code arch}. */
  public RpmSelector withArch(String arch) {
    return new RpmSelector(name, version, Optional.of(arch));
  }

  /** Whether {@code nevra} is one of the packages selected. */
  public boolean matches(Nevra nevra) {
    if (!nevra.name().equals(name) || arch.filter(a -> !a.equals(nevra.arch())).isPresent()) {
      return false;
    }
    if (version.isEmpty()) {
      return true;
    }
    String text = version.get();
    RpmVersion wanted = RpmVersion.parse(text);
    RpmVersion evr = nevra.evr();
    boolean epochGiven = text.indexOf(':') >= 0;
    return (!epochGiven || wanted.epoch() == evr.epoch())
        && wanted.version().equals(evr.version())
        && (wanted.release().isEmpty() || wanted.release().equals(evr.release()));
  }

  /** {@code name[-[E:]V[-R]][.arch]}. */
  @Override
  public String toString() {
    return name + version.map(v -> "-" + v).orElse("") + arch.map(a -> "." + a).orElse("");
  }
}
