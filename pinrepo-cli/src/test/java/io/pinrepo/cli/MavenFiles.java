package io.pinrepo.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The POMs and jars that the CLI's tests deploy. */
public final class MavenFiles {

  private MavenFiles() {}

  /** The POM of {@code com.example:demo} {@code version}. */
  static String pom(String version) {
    return "<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>"
        + "<artifactId>demo</artifactId><version>"
        + version
        + "</version></project>";
  }

  /** A jar whose one entry says {@code build LABEL}, with a fixed time: same label, same bytes. */
  static byte[] jar(String label) throws IOException {
    return jarSaying("build " + label);
  }

  /** A jar whose one entry, {@code build.txt}, holds {@code text}, with a fixed time. */
  public static byte[] jarSaying(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e = new ZipEntry("build.txt");
      e.setTime(315_532_800_000L);
      zip.putNextEntry(e);
      zip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
