package io.pinrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a user reads when a decoder gives up on a file: plain words, never the decoder's own. */
class UnreadablePackageTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "eof | | the file ends too early (truncated)",
        "eof | Unexpected end of ZLIB input stream | the file ends too early (truncated)",
        "io | Truncated TAR archive | the file ends too early (truncated)",
        "io | Failed to read header. Occurred at byte: 3 | the file ends too early (truncated)",
        "io | Truncated source | the file ends too early (truncated)",
        "io | Gzip-compressed data is corrupt (CRC32 error). | its compressed data is corrupt",
        "io | Data corruption detected | its compressed data is corrupt",
        "zip | invalid distances set | its compressed data is corrupt",
        "io | Input is not in the .gz format. | its data is not in the expected format",
        "io | Invalid header PK | its data is not in the expected format",
        "zip | zip END header not found | its data is not in the expected format",
        "zip | zip file is empty | its data is not in the expected format",
        "io | Corrupted TAR archive. | its archive headers are damaged",
        "io | XZ Block Header is corrupt | its compressed data is corrupt",
        "io | Unable to parse long from string value: 17x | its archive headers are damaged",
        "zip | invalid CEN header (bad signature) | its archive headers are damaged",
        "io | | its contents are damaged and could not be decoded",
        "io | something else entirely | its contents are damaged and could not be decoded",
      })
  void saysInPlainWordsWhatIsWrong(String kind, String message, String reason) {
    IOException cause =
        switch (kind) {
          case "eof" -> new EOFException(message);
          case "zip" -> new ZipException(message);
          default -> new IOException(message);
        };
    MalformedPackageException e =
        MalformedPackageException.unreadable("dir/x_1.0_all.deb", "Debian package", cause);
    assertEquals("dir/x_1.0_all.deb: not a readable Debian package: " + reason, e.getMessage());
    assertEquals("dir/x_1.0_all.deb", e.source());
    assertSame(cause, e.getCause());
  }
}
