package io.pinrepo.maven.pom;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.maven.internal.SafeXml;
import io.pinrepo.maven.internal.XmlElement;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a {@link Pom} from untrusted bytes. Refuses documents over {@link #MAX_BYTES}, with a DTD
 * or an entity other than the predefined five, nested too deep, not well-formed or not text in
 * their encoding, whose root is not {@code <project>}, or that declare an element a deploy reads
 * (coordinates, packaging, name, parent) twice. It does not interpolate properties, fetch parents
 * or validate the model beyond what a deploy needs.
 */
public final class PomReader {

  private static final List<String> PROJECT_SINGLES =
      List.of("modelVersion", "parent", "groupId", "artifactId", "version", "packaging", "name");
  private static final List<String> PARENT_SINGLES = List.of("groupId", "artifactId", "version");

  /** The largest POM accepted: 4 MiB, far beyond any real one. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private PomReader() {}

  /**
   * Reads the POM from {@code in} (read to its end, not closed).
   *
   * @param source the file as the user named it, for messages
   * @throws MalformedPackageException when it is not a safe, well-formed POM with an artifactId
   */
  public static Pom read(String source, InputStream in) throws IOException {
    XmlElement project = SafeXml.parse(source, in, MAX_BYTES);
    if (!project.name().equals("project")) {
      throw new MalformedPackageException(
          source, "is no POM: its root element is <" + cut(project.name()) + ">, not <project>");
    }
    once(source, project, PROJECT_SINGLES);
    XmlElement parent = project.child("parent").orElse(new XmlElement("parent", "", List.of()));
    once(source, parent, PARENT_SINGLES);
    String groupId = first(project.childText("groupId"), parent.childText("groupId"));
    String version = first(project.childText("version"), parent.childText("version"));
    String artifactId = project.childText("artifactId");
    if (artifactId.isEmpty()) {
      throw new MalformedPackageException(source, "no <artifactId>");
    }
    String packaging = first(project.childText("packaging"), "jar");
    return new Pom(groupId, artifactId, version, packaging, project.childText("name"));
  }

  /**
   * Refuses a second {@code <groupId>} (or other element a deploy reads) where Maven allows one:
   * which of the two counts would be a guess, and Maven's own reader refuses such a POM.
   */
  private static void once(String source, XmlElement element, List<String> names)
      throws MalformedPackageException {
    for (String name : names) {
      if (element.children(name).size() > 1) {
        throw new MalformedPackageException(
            source, "has more than one <" + name + "> in <" + element.name() + ">");
      }
    }
  }

  private static String cut(String name) {
    return name.length() <= 40 ? name : name.substring(0, 40) + "...";
  }

  private static String first(String declared, String fallback) {
    return declared.isEmpty() ? fallback : declared;
  }
}
