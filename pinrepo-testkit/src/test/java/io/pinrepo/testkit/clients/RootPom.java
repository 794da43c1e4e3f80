package io.pinrepo.testkit.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's root POM, read as text from a module's directory (surefire's working directory).
 */
final class RootPom {
  private RootPom() {}

  /** The value of {@code <name>} in the root POM's properties. */
  static String property(String name) throws IOException {
    String pom = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("pom.xml"));
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(pom);
    if (!m.find()) {
      throw new AssertionError("the root pom.xml has no property " + name);
    }
    return m.group(1).trim();
  }
}
