package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;

class IndexCompressionTest {

  private static final byte[] INDEX =
      "Package: a\nVersion: 1\n\nPackage: b\nVersion: 2\n"
          .repeat(50)
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void everyFormDecompressesToTheIndex() throws Exception {
    Map<String, byte[]> files = IndexCompression.DEFAULT.withXz(1).files(INDEX);
    assertEquals(List.of("Packages", "Packages.gz", "Packages.xz"), List.copyOf(files.keySet()));
    assertArrayEquals(INDEX, files.get("Packages"));
    assertArrayEquals(
        INDEX,
        new GZIPInputStream(new ByteArrayInputStream(files.get("Packages.gz"))).readAllBytes());
    assertArrayEquals(
        INDEX,
        new XZInputStream(new ByteArrayInputStream(files.get("Packages.xz"))).readAllBytes());
  }

  @Test
  void isDeterministicAndWritesXzOnlyWhenAsked() {
    assertArrayEquals(
        IndexCompression.DEFAULT.files(INDEX).get("Packages.gz"),
        IndexCompression.DEFAULT.files(INDEX).get("Packages.gz"));
    assertEquals(
        List.of("Packages", "Packages.gz"),
        List.copyOf(IndexCompression.DEFAULT.files(INDEX).keySet()));
    assertThrows(IllegalArgumentException.class, () -> new IndexCompression(0, -1));
  }
}
