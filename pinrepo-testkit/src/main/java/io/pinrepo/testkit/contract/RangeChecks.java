package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ranged reads, including ranges past the end and of length zero. */
abstract class RangeChecks extends ContractChecks {

  RangeChecks(StorageContract contract) {
    super(contract);
  }

  @ParameterizedTest(name = "offset {0}, length {1}")
  @CsvSource({
    "0, 10",
    "10, 100",
    "0, 1000",
    "999, 1",
    "990, 100",
    "500, 9223372036854775807",
    "0, 9223372036854775807",
    "1000, 10",
    "5000, 10",
    "0, 0",
    "500, 0"
  })
  @DisplayName("a range yields exactly the bytes it covers, truncated at the end")
  void rangeYieldsCoveredBytes(long offset, long length) throws IOException {
    byte[] bytes = random(1000, 11);
    ObjectInfo written = put("ranged", bytes);
    int from = (int) Math.min(offset, bytes.length);
    int to = (int) Math.min(bytes.length, offset + Math.min(length, bytes.length));

    try (ObjectStream in = storage.read(key("ranged"), new ByteRange(offset, length))) {
      assertArrayEquals(Arrays.copyOfRange(bytes, from, Math.max(from, to)), in.readAllBytes());
      assertEquals(bytes.length, in.info().size(), "info describes the object, not the range");
      assertEquals(written.versionToken(), in.info().versionToken());
    }
  }

  @Test
  @DisplayName("any range of an empty object is empty")
  void rangeOfEmptyObjectIsEmpty() throws IOException {
    put("empty", new byte[0]);

    try (ObjectStream in = storage.read(key("empty"), new ByteRange(0, 10))) {
      assertEquals(0, in.readAllBytes().length);
    }
    try (ObjectStream in = storage.read(key("empty"), ByteRange.from(3))) {
      assertEquals(0, in.readAllBytes().length);
    }
  }
}
