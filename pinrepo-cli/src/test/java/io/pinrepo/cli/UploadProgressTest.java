package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.GroupWrites;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadProgressTest {

  @TempDir Path dir;

  @Test
  void aStorageThatWritesGroupsKeepsThePowerAndShowsLargeFilesOfAGroup() throws Exception {
    StringWriter shown = new StringWriter();
    UploadProgress progress =
        UploadProgress.around(FileSystemStorage.open(dir), new PrintWriter(shown, true));
    byte[] large = new byte[(int) UploadProgress.SHOWN_FROM + 1];
    ObjectKey big = ObjectKey.of("pool/big.deb");
    ObjectKey small = ObjectKey.of("pool/small.deb");

    Set<ObjectKey> written =
        ((GroupWrites) progress)
            .writeAbsent(
                Map.of(big, ContentSource.ofBytes(large), small, ContentSource.ofUtf8("x")));

    assertEquals(Set.of(big, small), written);
    assertArrayEquals(large, Files.readAllBytes(dir.resolve("pool/big.deb")));
    assertTrue(shown.toString().contains("uploading big.deb"), shown.toString());
    assertFalse(shown.toString().contains("small.deb"), shown.toString());
  }

  @Test
  void aStorageWithoutThePowerDoesNotGainIt() {
    UploadProgress progress =
        UploadProgress.around(new InMemoryStorage(), new PrintWriter(new StringWriter(), true));
    assertFalse(progress instanceof GroupWrites);
  }
}
