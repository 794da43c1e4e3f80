package io.pinrepo.maven;

import io.pinrepo.maven.internal.SafeXml;
import io.pinrepo.maven.internal.XmlElement;
import io.pinrepo.maven.metadata.PluginEntry;
import io.pinrepo.spi.ContentSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Maven plugin's goal prefix and name, as group-level metadata lists them: from the jar's {@code
 * META-INF/maven/plugin.xml} when it has one, else derived from the artifactId the way Maven does
 * ({@code maven-foo-plugin} and {@code foo-maven-plugin} give {@code foo}).
 */
final class PluginDescriptor {
  private static final String ENTRY = "META-INF/maven/plugin.xml";
  private static final int MAX_BYTES = 16 * 1024 * 1024;
  private static final Pattern MAVEN_X_PLUGIN = Pattern.compile("maven-(.+)-plugin");
  private static final Pattern X_MAVEN_PLUGIN = Pattern.compile("(.+)-maven-plugin");

  private PluginDescriptor() {}

  static PluginEntry read(String artifactId, String pomName, Optional<ArtifactFile> jar)
      throws IOException {
    String prefix = derivePrefix(artifactId);
    String name = pomName;
    if (jar.isPresent()) {
      Optional<XmlElement> plugin = descriptor(jar.get().source(), jar.get().content());
      if (plugin.isPresent()) {
        prefix = first(plugin.get().childText("goalPrefix"), prefix);
        name = first(plugin.get().childText("name"), name);
      }
    }
    return new PluginEntry(name, prefix, artifactId);
  }

  static String derivePrefix(String artifactId) {
    Matcher m = MAVEN_X_PLUGIN.matcher(artifactId);
    if (m.matches()) {
      return m.group(1);
    }
    m = X_MAVEN_PLUGIN.matcher(artifactId);
    return m.matches() ? m.group(1) : artifactId;
  }

  private static Optional<XmlElement> descriptor(String source, ContentSource jar)
      throws IOException {
    try (InputStream raw = jar.open();
        ZipInputStream zip = new ZipInputStream(raw)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.getName().equals(ENTRY)) {
          return Optional.of(SafeXml.parse(source + "!/" + ENTRY, zip, MAX_BYTES));
        }
      }
    }
    return Optional.empty();
  }

  private static String first(String preferred, String fallback) {
    return preferred.isEmpty() ? fallback : preferred;
  }
}
