package io.pinrepo.maven;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.maven.internal.SafeXml;
import io.pinrepo.maven.internal.XmlElement;
import io.pinrepo.maven.metadata.PluginEntry;
import io.pinrepo.spi.ContentSource;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A Maven plugin's goal prefix and name, as group-level metadata lists them: from the jar's {@code
 * META-INF/maven/plugin.xml} when it has one, else derived from the artifactId the way Maven does
 * ({@code maven-foo-plugin} and {@code foo-maven-plugin} give {@code foo}).
 *
 * <p>The jar is read as a stream, within bounds: it must be a zip archive that can be read to the
 * descriptor, the entries before the descriptor may inflate to at most {@link #MAX_SCANNED} bytes
 * and the descriptor itself to {@link #MAX_BYTES}; the descriptor is parsed as {@link SafeXml}.
 */
final class PluginDescriptor {
  private static final String ENTRY = "META-INF/maven/plugin.xml";
  private static final int MAX_BYTES = 16 * 1024 * 1024;
  private static final long MAX_SCANNED = 512L * 1024 * 1024;
  private static final Pattern MAVEN_X_PLUGIN = Pattern.compile("maven-(.+)-plugin");
  private static final Pattern X_MAVEN_PLUGIN = Pattern.compile("(.+)-maven-plugin");
  private static final byte[] LOCAL_HEADER = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ARCHIVE = {'P', 'K', 5, 6};

  private PluginDescriptor() {}

  /**
   * The plugin's entry, from {@code jar}'s descriptor when there is one.
   *
   * @throws MalformedPackageException naming the jar when it is no readable zip archive, inflates
   *     beyond the bounds, or its descriptor is not safe, well-formed XML
   */
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
        BufferedInputStream in = new BufferedInputStream(raw)) {
      in.mark(LOCAL_HEADER.length);
      byte[] magic = in.readNBytes(LOCAL_HEADER.length);
      in.reset();
      if (!Arrays.equals(magic, LOCAL_HEADER) && !Arrays.equals(magic, EMPTY_ARCHIVE)) {
        throw new MalformedPackageException(
            source,
            "is not a jar: it is not a zip archive, and a maven-plugin's jar must be one (it"
                + " holds META-INF/maven/plugin.xml)");
      }
      try (ZipInputStream zip = new ZipInputStream(in)) {
        return scan(source, zip);
      }
    } catch (ZipException | EOFException e) {
      throw new MalformedPackageException(
          source, "is not a readable jar: it is truncated or corrupt (" + e.getMessage() + ")", e);
    }
  }

  private static Optional<XmlElement> scan(String source, ZipInputStream zip) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long scanned = 0;
    ZipEntry entry;
    while ((entry = zip.getNextEntry()) != null) {
      if (entry.getName().equals(ENTRY)) {
        return Optional.of(SafeXml.parse(source + "!/" + ENTRY, zip, MAX_BYTES));
      }
      for (int n; (n = zip.read(buffer)) > 0; ) {
        scanned += n;
        if (scanned > MAX_SCANNED) {
          throw new MalformedPackageException(
              source,
              "inflates to more than "
                  + MAX_SCANNED / (1024 * 1024)
                  + " MiB before its plugin descriptor: refused as a likely zip bomb");
        }
      }
    }
    return Optional.empty();
  }

  private static String first(String preferred, String fallback) {
    return preferred.isEmpty() ? fallback : preferred;
  }
}
