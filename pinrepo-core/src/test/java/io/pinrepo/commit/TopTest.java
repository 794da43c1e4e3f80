package io.pinrepo.commit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A mutable top read with its token and replaced only if still what was read. */
class TopTest {

  private static final ObjectKey KEY = ObjectKey.of("simple/index.html");

  private final InMemoryStorage storage = new InMemoryStorage();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aMissingTopReadsAsAbsentAndIsCreatedOnlyIfStillAbsent() throws IOException {
    Top absent = Top.read(storage, KEY, 1000);

    assertFalse(absent.exists());
    assertEquals(0, absent.bytes().length);
    assertEquals(WriteCondition.mustBeAbsent(), absent.condition());
    absent.replace(storage, utf8("first"));
    assertThrows(PreconditionFailedException.class, () -> absent.replace(storage, utf8("again")));
    assertArrayEquals(utf8("first"), storage.peek(KEY).orElseThrow());
  }

  @Test
  void anExistingTopCarriesTheTokenOfTheBytesRead() throws IOException {
    ObjectInfo written = storage.write(KEY, ContentSource.ofUtf8("v1"), WriteCondition.none());

    Top top = Top.read(storage, KEY, 1000);

    assertTrue(top.exists());
    assertArrayEquals(utf8("v1"), top.bytes());
    assertEquals(Optional.of(written.versionToken()), top.versionToken());
    assertEquals(WriteCondition.matches(written.versionToken()), top.condition());
  }

  @Test
  void replaceWinsOverTheVersionReadAndReturnsTheNewOne() throws IOException {
    storage.write(KEY, ContentSource.ofUtf8("v1"), WriteCondition.none());
    Top top = Top.read(storage, KEY, 1000);

    ObjectInfo next = top.replace(storage, utf8("v2"));

    assertNotEquals(top.versionToken().orElseThrow(), next.versionToken());
    assertArrayEquals(utf8("v2"), storage.peek(KEY).orElseThrow());
  }

  @Test
  void aStaleTopLosesToAWriterThatCameBetween() throws IOException {
    storage.write(KEY, ContentSource.ofUtf8("v1"), WriteCondition.none());
    Top stale = Top.read(storage, KEY, 1000);
    Top.read(storage, KEY, 1000).replace(storage, utf8("other publisher"));

    assertThrows(PreconditionFailedException.class, () -> stale.replace(storage, utf8("mine")));
    assertArrayEquals(utf8("other publisher"), storage.peek(KEY).orElseThrow());
  }

  @Test
  void refusesATopLargerThanAllowed() throws IOException {
    storage.write(KEY, ContentSource.ofUtf8("0123456789"), WriteCondition.none());

    IOException e = assertThrows(IOException.class, () -> Top.read(storage, KEY, 9));

    assertTrue(e.getMessage().contains(KEY.value()), e.getMessage());
    assertEquals(10, Top.read(storage, KEY, 10).bytes().length);
    assertEquals(0, storage.openStreams());
  }

  @Test
  void holdsACopyOfItsBytesAndComparesByContent() {
    byte[] bytes = utf8("abc");
    Top top = new Top(KEY, bytes, Optional.of("t1"));
    bytes[0] = 'x';
    top.bytes()[1] = 'y';

    assertArrayEquals(utf8("abc"), top.bytes());
    assertEquals(new Top(KEY, utf8("abc"), Optional.of("t1")), top);
    assertEquals(new Top(KEY, utf8("abc"), Optional.of("t1")).hashCode(), top.hashCode());
    assertNotEquals(new Top(KEY, utf8("abc"), Optional.of("t2")), top);
  }
}
