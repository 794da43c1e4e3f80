package io.pinrepo.debian;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.debian.control.ControlParagraph;
import io.pinrepo.hash.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a .deb file says about itself: its control paragraph, verbatim, and the size and digests of
 * the whole file.
 *
 * @param control the control paragraph as written in the package
 * @param digests size and digests of the .deb file
 */
public record DebPackage(ControlParagraph control, Digests digests) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
  private static final Pattern ARCH = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final int MAX_NAME = 200;
  private static final int MAX_VERSION = 200;
  private static final int MAX_ARCH = 64;

  /** Checks that the paragraph names a valid package, version and architecture. */
  public DebPackage {
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(digests, "digests");
    String problem = problem(control);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * Reads a .deb from {@code in} in one pass and bounded memory, without closing it, checking it as
   * untrusted input: its {@code ar} structure, its control archive (plain files only) and control
   * file (UTF-8, no control characters, no fields only a repository writes, bounded sizes, a valid
   * name, version and architecture), and every entry of its data archive (no path climbing out of
   * the package root, no decompression bomb, nothing truncated).
   *
   * @param source names the file in error messages
   * @throws MalformedPackageException when the bytes are not a valid Debian binary package; its
   *     one-line message names {@code source} and says what is wrong
   */
  public static DebPackage read(InputStream in, String source) throws IOException {
    return DebReader.read(in, source, true);
  }

  static DebPackage of(ControlParagraph control, Digests digests, String source)
      throws MalformedPackageException {
    String problem = problem(control);
    if (problem != null) {
      throw new MalformedPackageException(source, problem);
    }
    return new DebPackage(control, digests);
  }

  /** The {@code Package} field. */
  public String name() {
    return control.require("Package");
  }

  /** The {@code Version} field, parsed. */
  public DebianVersion version() {
    return DebianVersion.parse(control.require("Version"));
  }

  /** The {@code Architecture} field, such as {@code amd64} or {@code all}. */
  public String architecture() {
    return control.require("Architecture");
  }

  /** The source package's name: the {@code Source} field without a version, else the name. */
  public String sourceName() {
    return control
        .value("Source")
        .map(s -> s.strip().split("[ (]", 2)[0])
        .filter(s -> !s.isEmpty())
        .orElse(name());
  }

  /**
   * The conventional file name, {@code name_version_arch.deb} with the epoch dropped (a udeb keeps
   * {@code .udeb} in the pool).
   */
  public String fileName() {
    return name() + "_" + version().withoutEpoch() + "_" + architecture() + ".deb";
  }

  private static String problem(ControlParagraph control) {
    String name = control.value("Package").map(String::strip).orElse("");
    if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
      return "Package field '" + shown(name) + "' is missing or not a valid package name";
    }
    String arch = control.value("Architecture").map(String::strip).orElse("");
    if (arch.length() > MAX_ARCH || !ARCH.matcher(arch).matches()) {
      return "Architecture field '" + shown(arch) + "' is missing or not one architecture";
    }
    String version = control.value("Version").map(String::strip).orElse("");
    if (version.length() > MAX_VERSION) {
      return "Version field '" + shown(version) + "' is longer than " + MAX_VERSION + " characters";
    }
    try {
      DebianVersion.parse(version);
    } catch (IllegalArgumentException e) {
      return "Version field: " + e.getMessage();
    }
    String sourceName =
        control.value("Source").map(s -> s.strip().split("[ (]", 2)[0]).orElse(name);
    if (sourceName.length() > MAX_NAME || !NAME.matcher(sourceName).matches()) {
      return "Source field '" + shown(sourceName) + "' is not a valid package name";
    }
    return null;
  }

  /** A value as an error message shows it: printable, cut at 80 characters. */
  private static String shown(String value) {
    return TarWalker.printable(value);
  }
}
