package io.pinrepo.maven;

import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** POMs, jars and deployments for tests. */
final class Fixtures {
  private static final long FIXED_TIME = 315_532_800_000L; // 1980-01-01, the zip epoch

  private Fixtures() {}

  static String pom(String groupId, String artifactId, String version, String packaging) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>%s</groupId>
          <artifactId>%s</artifactId>
          <version>%s</version>
          <packaging>%s</packaging>
          <name>%s</name>
        </project>
        """
        .formatted(groupId, artifactId, version, packaging, artifactId);
  }

  /** A jar holding build.txt saying {@code label}, plus any extra entries (name, text pairs). */
  static byte[] jar(String label, String... extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(entry("build.txt"));
      zip.write(("build " + label + "\n").getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i + 1 < extra.length; i += 2) {
        zip.putNextEntry(entry(extra[i]));
        zip.write(extra[i + 1].getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An entry with a fixed time, so the same inputs always give the same jar bytes. */
  private static ZipEntry entry(String name) {
    ZipEntry e = new ZipEntry(name);
    e.setTime(FIXED_TIME);
    return e;
  }

  /** A deploy of {@code g:a:v} with a jar and a sources jar saying {@code label}. */
  static Deployment deployment(String g, String a, String v, String label) {
    List<ArtifactFile> files = new ArrayList<>();
    files.add(new ArtifactFile("", "jar", ContentSource.ofBytes(jar(label)), a + ".jar"));
    files.add(
        new ArtifactFile("sources", "jar", ContentSource.ofBytes(jar(label + "-src")), "src.jar"));
    return Deployment.of("pom.xml", ContentSource.ofUtf8(pom(g, a, v, "jar")), files);
  }

  /** The newest {@code builds} builds of each snapshot; every build for 0. */
  static Retention keeping(int builds) {
    return builds == 0 ? Retention.keepAll() : Retention.keepNewest(builds);
  }

  /** The POM's entry in a deploy's report, where its file version and build number are. */
  static ArtifactRef pomEntry(ChangeReport<ArtifactRef> report) {
    return Stream.concat(report.added().stream(), report.unchanged().stream())
        .filter(e -> e.extension().equals("pom"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no POM in " + report));
  }

  static String text(InMemoryStorage storage, String key) {
    return storage
        .peek(ObjectKey.of(key))
        .map(b -> new String(b, StandardCharsets.UTF_8))
        .orElseThrow(() -> new AssertionError("missing " + key));
  }
}
