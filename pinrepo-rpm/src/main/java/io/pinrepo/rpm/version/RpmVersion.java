package io.pinrepo.rpm.version;

import java.util.Comparator;
import java.util.Objects;

/**
 * An RPM epoch-version-release ({@code [E:]V[-R]}), ordered exactly as rpm orders them: epochs as
 * numbers, then version and release with {@link #rpmvercmp(String, String)}. A missing epoch is 0;
 * a missing release is the empty string, and (as in rpm) a version without a release sorts before
 * the same version with any release.
 *
 * <p>The order is not consistent with {@link #equals(Object)}: {@code 1.0} and {@code 1_0} compare
 * as equal (rpm treats them as the same version) but are different values.
 *
 * @param epoch the epoch, 0 to 2<sup>32</sup>-1
 * @param version the version: not empty, no {@code -}, {@code :}, whitespace or control characters
 * @param release the release, empty for none: no {@code -}, {@code :}, whitespace or control
 *     characters
 */
public record RpmVersion(long epoch, String version, String release)
    implements Comparable<RpmVersion> {

  /** rpm's order: epoch, then version, then release. */
  private static final Comparator<RpmVersion> ORDER =
      Comparator.comparingLong(RpmVersion::epoch)
          .thenComparing(RpmVersion::version, RpmVersion::rpmvercmp)
          .thenComparing(RpmVersion::release, RpmVersion::compareReleases);

  /** Checks each part. */
  public RpmVersion {
    if (epoch < 0 || epoch > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("epoch out of range: " + epoch);
    }
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(release, "release");
    if (version.isEmpty()) {
      throw new IllegalArgumentException("empty version");
    }
    check("version", version);
    check("release", release);
  }

  /**
   * Parses {@code [E:]V[-R]}: the epoch is the digits before the first {@code :}, the release what
   * follows the last {@code -}.
   *
   * @throws IllegalArgumentException when the text is not of that form
   */
  public static RpmVersion parse(String text) {
    Objects.requireNonNull(text, "text");
    String rest = text;
    long epoch = 0;
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      String e = rest.substring(0, colon);
      if (e.isEmpty() || e.length() > 10 || !e.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("bad epoch in '" + text + "'");
      }
      epoch = Long.parseLong(e);
      rest = rest.substring(colon + 1);
    }
    int dash = rest.lastIndexOf('-');
    String version = dash < 0 ? rest : rest.substring(0, dash);
    String release = dash < 0 ? "" : rest.substring(dash + 1);
    if (dash >= 0 && release.isEmpty()) {
      throw new IllegalArgumentException("empty release in '" + text + "'");
    }
    return new RpmVersion(epoch, version, release);
  }

  /**
   * rpm's {@code rpmvercmp} on two version or release strings: negative, zero or positive as {@code
   * a} is older than, the same as, or newer than {@code b}. Runs of ASCII digits compare as
   * numbers, runs of ASCII letters as text, a number is newer than text, other characters only
   * separate; {@code ~} sorts before everything, even the end ({@code 1.0~rc1 < 1.0}), and {@code
   * ^} after the end but before anything else ({@code 1.0 < 1.0^git1 < 1.0.1}).
   */
  public static int rpmvercmp(String a, String b) {
    return Vercmp.compare(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"));
  }

  private static int compareReleases(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(!a.isEmpty(), !b.isEmpty());
    }
    return rpmvercmp(a, b);
  }

  @Override
  public int compareTo(RpmVersion other) {
    return ORDER.compare(this, other);
  }

  /** {@code [E:]V[-R]}, the epoch only when it is not 0; {@link #parse} reads it back. */
  @Override
  public String toString() {
    return (epoch == 0 ? "" : epoch + ":") + version + (release.isEmpty() ? "" : "-" + release);
  }

  private static void check(String what, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '-' || c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "bad character '" + c + "' in " + what + " '" + value + "'");
      }
    }
  }
}
