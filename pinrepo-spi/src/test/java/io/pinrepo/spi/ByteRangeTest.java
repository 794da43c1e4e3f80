package io.pinrepo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Byte ranges and where they end in an object of a given size. */
class ByteRangeTest {

  @ParameterizedTest(name = "offset {0} length {1} of {2} bytes ends at {3}")
  @CsvSource({
    "0, 10, 100, 9",
    "90, 10, 100, 99",
    "90, 20, 100, 99",
    "99, 1, 100, 99",
    "100, 1, 100, -1",
    "200, 1, 100, -1",
    "0, 0, 100, -1",
    "0, 9223372036854775807, 100, 99",
    "50, 9223372036854775807, 100, 99",
    "0, 1, 0, -1"
  })
  void lastIndexIsClippedToTheObject(long offset, long length, long size, long last) {
    assertEquals(last, new ByteRange(offset, length).lastIndex(size));
  }

  @Test
  void allCoversTheWholeObject() {
    assertTrue(ByteRange.ALL.isAll());
    assertFalse(ByteRange.from(1).isAll());
    assertEquals(new ByteRange(5, Long.MAX_VALUE), ByteRange.from(5));
  }

  @Test
  void refusesNegativeOffsetsAndLengths() {
    assertThrows(IllegalArgumentException.class, () -> new ByteRange(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> new ByteRange(0, -1));
  }
}
