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
   * Reads a .deb from {@code in} in one pass and constant memory (bounded control size), without
   * closing it.
   *
   * @param source names the file in error messages
   * @throws MalformedPackageException when the bytes are not a valid Debian binary package
   */
  public static DebPackage read(InputStream in, String source) throws IOException {
    return DebReader.read(in, source);
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

  /** The conventional file name, {@code name_version_arch.deb} with the epoch dropped. */
  public String fileName() {
    return name() + "_" + version().withoutEpoch() + "_" + architecture() + ".deb";
  }

  private static String problem(ControlParagraph control) {
    String name = control.value("Package").map(String::strip).orElse("");
    if (!NAME.matcher(name).matches()) {
      return "Package field '" + name + "' is missing or not a valid package name";
    }
    String arch = control.value("Architecture").map(String::strip).orElse("");
    if (!ARCH.matcher(arch).matches()) {
      return "Architecture field '" + arch + "' is missing or not one architecture";
    }
    try {
      DebianVersion.parse(control.value("Version").map(String::strip).orElse(""));
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    String sourceName =
        control.value("Source").map(s -> s.strip().split("[ (]", 2)[0]).orElse(name);
    if (!NAME.matcher(sourceName).matches()) {
      return "Source field '" + sourceName + "' is not a valid package name";
    }
    return null;
  }
}
