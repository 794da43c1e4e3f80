package io.pinrepo.testkit.deb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.testkit.clients.Programs;
import io.pinrepo.testkit.deb.DebBuilder.Compression;
import java.nio.charset.StandardCharsets;
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
    Programs.require("dpkg-deb");
    Path deb =
        DebBuilder.of("pin", "2.0", "amd64")
            .controlCompression(compression)
            .dataCompression(compression)
            .writeTo(dir);
    Programs.Result field = Programs.run(dir, "dpkg-deb", "--field", deb.toString(), "Version");
    assertEquals(0, field.exit(), field.out() + field.err());
    assertEquals("2.0\n", field.out());
  }
}
