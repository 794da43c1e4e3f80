package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ObjectKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Object keys: tricky valid ones round-trip, invalid ones are refused. */
abstract class KeyChecks extends ContractChecks {

  KeyChecks(StorageContract contract) {
    super(contract);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "with space/file name.txt",
        "plus+sign/a+b",
        "percent%20encoded",
        "unicode/ü/ß/日本語",
        "emoji/😀",
        "query?and#fragment",
        "amp&eq=semi;colon",
        "dots/a..b/.hidden/...x",
        "brackets/[x](y){z}",
        "quote's \"double\"",
        "-leading-dash/~tilde"
      })
  @DisplayName("tricky valid keys round-trip through write, stat, read and list")
  void trickyKeysRoundTrip(String value) throws IOException {
    ObjectKey k = key(value);
    put(value, utf8(value));

    assertEquals(k, storage.stat(k).orElseThrow().key());
    assertArrayEquals(utf8(value), get(value));
    assertEquals(List.of(value), keysUnder(""));
    assertEquals(List.of(value), keysUnder(value));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "/leading",
        "trailing//",
        "/",
        "a//b",
        "a/../b",
        "..",
        "../escape",
        "a/./b",
        ".",
        "back\\slash",
        "nul\u0000byte",
        "new\nline",
        "tab\tchar",
        "del\u007fchar",
        "c1\u0085char",
        "lone\ud800surrogate"
      })
  @DisplayName("invalid keys are refused with a message naming the key")
  void invalidKeysAreRefused(String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ObjectKey.of(value));
    assertTrue(e.getMessage().startsWith("invalid object key '"), e.getMessage());
  }

  @Test
  @DisplayName("a key longer than 1,024 bytes of UTF-8 is refused")
  void overlongKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ObjectKey.of("é".repeat(513)));
    assertEquals(
        1024, ObjectKey.of("é".repeat(512)).value().getBytes(StandardCharsets.UTF_8).length);
  }
}
