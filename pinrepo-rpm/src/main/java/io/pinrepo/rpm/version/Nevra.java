package io.pinrepo.rpm.version;

import java.util.Objects;

/**
 * The identity of an RPM package: name, epoch-version-release and architecture ({@code src} for a
 * source package). Two package files with the same NEVRA are the same package to dnf.
 *
 * @param name the package name: not empty, no whitespace, control characters or {@code /}
 * @param evr the epoch-version-release; packages always have a release
 * @param arch the architecture ({@code x86_64}, {@code noarch}, {@code src}...): not empty, no
 *     whitespace, control characters, {@code /} or {@code .}
 */
public record Nevra(String name, RpmVersion evr, String arch) {

  /** Checks the name and architecture. */
  public Nevra {
    check("name", name, "/");
    Objects.requireNonNull(evr, "evr");
    if (evr.release().isEmpty()) {
      throw new IllegalArgumentException("no release in " + name + "-" + evr);
    }
    check("arch", arch, "/.");
  }

  /**
   * Parses {@code name-[E:]V-R.arch} (the release is required, as in every package).
   *
   * @throws IllegalArgumentException when the text is not of that form
   */
  public static Nevra parse(String text) {
    Objects.requireNonNull(text, "text");
    int dot = text.lastIndexOf('.');
    int releaseDash = dot < 0 ? -1 : text.lastIndexOf('-', dot);
    int versionDash = releaseDash <= 0 ? -1 : text.lastIndexOf('-', releaseDash - 1);
    if (versionDash <= 0) {
      throw new IllegalArgumentException("not name-[epoch:]version-release.arch: '" + text + "'");
    }
    return new Nevra(
        text.substring(0, versionDash),
        RpmVersion.parse(text.substring(versionDash + 1, dot)),
        text.substring(dot + 1));
  }

  /** The conventional file name, {@code name-V-R.arch.rpm} (the epoch is not part of it). */
  public String fileName() {
    return name + "-" + evr.version() + "-" + evr.release() + "." + arch + ".rpm";
  }

  /** {@code name-[E:]V-R.arch}; {@link #parse} reads it back. */
  @Override
  public String toString() {
    return name + "-" + evr + "." + arch;
  }

  private static void check(String what, String value, String forbidden) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty " + what);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (forbidden.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "bad character '" + c + "' in " + what + " '" + value + "'");
      }
    }
  }
}
