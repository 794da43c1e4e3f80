package io.pinrepo.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The POM and jar of {@code com.example:demo} that the Maven command's tests deploy. */
final class MavenFiles {

  private MavenFiles() {}

  /** The POM of {@code com.example:demo} {@code version}. */
  static String pom(String version) {
    return "<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>"
        + "<artifactId>demo</artifactId><version>"
        + version
        + "</version></project>";
  }

  /**
   * A jar whose one entry says {@code label}, with a fixed time: the same label, the same bytes.
   */
  static byte[] jar(String label) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e = new ZipEntry("build.txt");
      e.setTime(315_532_800_000L);
      zip.putNextEntry(e);
      zip.write(("build " + label).getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
