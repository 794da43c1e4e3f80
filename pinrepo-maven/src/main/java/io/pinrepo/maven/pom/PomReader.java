package io.pinrepo.maven.pom;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.maven.internal.SafeXml;
import io.pinrepo.maven.internal.XmlElement;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a {@link Pom} from untrusted bytes. Refuses documents over {@link #MAX_BYTES}, with a DTD
 * or an entity other than the predefined five, or whose root is not {@code <project>}. It does not
 * interpolate properties, fetch parents or validate the model beyond what a deploy needs.
 */
public final class PomReader {

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
          source, "root element is <" + project.name() + ">, not <project>");
    }
    XmlElement parent =
        project.child("parent").orElse(new XmlElement("parent", "", java.util.List.of()));
    String groupId = first(project.childText("groupId"), parent.childText("groupId"));
    String version = first(project.childText("version"), parent.childText("version"));
    String artifactId = project.childText("artifactId");
    if (artifactId.isEmpty()) {
      throw new MalformedPackageException(source, "no <artifactId>");
    }
    String packaging = first(project.childText("packaging"), "jar");
    return new Pom(groupId, artifactId, version, packaging, project.childText("name"));
  }

  private static String first(String declared, String fallback) {
    return declared.isEmpty() ? fallback : declared;
  }
}
