package io.pinrepo.testkit.deb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.testkit.deb.DebBuilder.Compression;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DebBuilderTest {

  @TempDir Path dir;

  @Test
  void sameSettingsGiveSameBytes() {
    DebBuilder a = DebBuilder.of("pin", "1:1.0-1", "amd64").controlCompression(Compression.XZ);
    DebBuilder b = DebBuilder.of("pin", "1:1.0-1", "amd64").controlCompression(Compression.XZ);
    assertArrayEquals(a.build(), b.build());
    assertFalse(
        Arrays.equals(a.build(), DebBuilder.of("pin", "1:1.0-2", "amd64").build()),
        "the version is in the bytes");
  }

  @Test
  void namesTheFileWithoutTheEpochAndKeepsFieldsBeforeDescription() {
    DebBuilder b = DebBuilder.of("pin", "1:1.0-1", "all").field("Depends", "libc6");
    assertEquals("pin_1.0-1_all.deb", b.fileName());
    String control = b.controlText();
    assertTrue(control.indexOf("Depends: libc6\n") < control.indexOf("Description:"), control);
    byte[] bytes = b.build();
    assertEquals("!<arch>\n", new String(Arrays.copyOf(bytes, 8), StandardCharsets.US_ASCII));
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void dpkgDebReadsIt(Compression compression) throws Exception {
    assumeTrue(onPath("dpkg-deb"), "dpkg-deb is not installed: skipping this check");
    Path deb =
        DebBuilder.of("pin", "2.0", "amd64")
            .controlCompression(compression)
            .dataCompression(compression)
            .writeTo(dir);
    Process p =
        new ProcessBuilder("dpkg-deb", "--field", deb.toString(), "Version")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertEquals("2.0\n", out);
  }

  private static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
