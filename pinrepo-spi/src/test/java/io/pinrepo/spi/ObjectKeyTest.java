package io.pinrepo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing, validating and deriving object keys. */
class ObjectKeyTest {

  @Test
  void roundTripsThroughToString() {
    ObjectKey key = ObjectKey.of("dists/stable/main/binary-amd64/Packages.xz");

    assertEquals("dists/stable/main/binary-amd64/Packages.xz", key.toString());
    assertEquals(key, ObjectKey.of(key.toString()));
  }

  @Test
  void exposesSegmentsAndFileName() {
    ObjectKey key = ObjectKey.of("pool/main/h/hello/hello_1.0_amd64.deb");

    assertEquals(List.of("pool", "main", "h", "hello", "hello_1.0_amd64.deb"), key.segments());
    assertEquals("hello_1.0_amd64.deb", key.fileName());
    assertEquals("top", ObjectKey.of("top").fileName());
  }

  @Test
  void joinsAndResolvesSegments() {
    assertEquals(ObjectKey.of("a/b/c"), ObjectKey.of("a", "b", "c"));
    assertEquals(ObjectKey.of("a/b/c/d"), ObjectKey.of("a/b").resolve("c/d"));
    assertThrows(IllegalArgumentException.class, () -> ObjectKey.of("a").resolve("../b"));
    assertThrows(IllegalArgumentException.class, () -> ObjectKey.of("a", "", "b"));
  }

  @Test
  void startsWithIsAPlainStringPrefix() {
    ObjectKey key = ObjectKey.of("dists/stable-updates/InRelease");

    assertTrue(key.startsWith("dists/stable"));
    assertFalse(key.startsWith("dists/stable/"));
  }

  @Test
  void ordersByStringOrder() {
    List<String> values = new ArrayList<>(List.of("a/x", "a-b", "a.b", "a0", "B", "a", "é"));
    List<ObjectKey> keys = new ArrayList<>(values.stream().map(ObjectKey::of).toList());
    Collections.sort(values);
    Collections.sort(keys);

    assertEquals(values, keys.stream().map(ObjectKey::value).toList());
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty",
        "/a|leading '/'",
        "a//|more than one trailing '/'",
        "/|leading '/'",
        "a/./|'.' segment",
        "../|'..' segment",
        "a//b|empty segment",
        "a/../b|'..' segment",
        "..|'..' segment",
        "./a|'.' segment",
        "a\\b|backslash at index 1"
      })
  void namesWhatIsWrongWithAnInvalidKey(String value, String problem) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ObjectKey.of(value));

    assertEquals("invalid object key '" + value + "': " + problem, e.getMessage());
  }

  @Test
  void printsControlCharactersEscapedInTheMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ObjectKey.of("a\nb"));

    assertEquals("invalid object key 'a\\u000ab': control character at index 1", e.getMessage());
  }

  @Test
  void refusesNullAndUnpairedSurrogates() {
    assertThrows(IllegalArgumentException.class, () -> ObjectKey.of((String) null));
    assertThrows(IllegalArgumentException.class, () -> ObjectKey.of("a\udc00"));
    assertThrows(IllegalArgumentException.class, () -> ObjectKey.of("a\ud800"));
    assertEquals("emoji/😀", ObjectKey.of("emoji/😀").value());
  }

  @Test
  void limitsTheLengthInBytesOfUtf8() {
    assertEquals(ObjectKey.MAX_LENGTH, ObjectKey.of("a".repeat(1024)).value().length());
    assertThrows(IllegalArgumentException.class, () -> ObjectKey.of("a".repeat(1025)));
    assertThrows(IllegalArgumentException.class, () -> ObjectKey.of("日".repeat(342)));
    ObjectKey.of("日".repeat(341));
  }

  @Test
  void aDirectoryKeyEndsWithOneSlashAndHasAnEmptyLastSegment() {
    ObjectKey dir = ObjectKey.of("simple/foo/");
    assertTrue(dir.isDirectory());
    assertEquals(List.of("simple", "foo", ""), dir.segments());
    assertEquals("", dir.fileName());
    assertEquals(ObjectKey.of("simple/foo/index.html"), dir.resolve("index.html"));
    assertEquals(dir, ObjectKey.of("simple", "foo", ""));
    assertTrue(dir.compareTo(ObjectKey.of("simple/foo/a")) < 0);
    assertTrue(!ObjectKey.of("simple/foo").isDirectory());
  }
}
