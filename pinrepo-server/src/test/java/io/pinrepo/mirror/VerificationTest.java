package io.pinrepo.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A copy becomes visible only with the bytes the repository's index names (or, for a key no index
 * records, the bytes the origin held when the copy started): a tampered origin file gives an error
 * and no copy.
 */
class VerificationTest {

  private static final ObjectKey A = ObjectKey.of("files/a.bin");
  private static final ObjectKey B = ObjectKey.of("files/b.bin");

  private final InMemoryStorage origin = new InMemoryStorage();
  private final InMemoryStorage region = new InMemoryStorage();
  private final RecordingMirrorListener listener = new RecordingMirrorListener();

  private RegionalMirror mirror(boolean serverSide) {
    return RegionalMirror.builder(origin)
        .formats(List.of(new ManifestFormat()))
        .region("eu", region, URI.create("http://eu.example/"))
        .serverSideCopy(serverSide)
        .digestRefresh(Duration.ZERO)
        .listener(listener)
        .build();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void tamper(ObjectKey key, String content) throws IOException {
    origin.write(key, ContentSource.ofUtf8(content), WriteCondition.none());
  }

  @ParameterizedTest(name = "server-side copy: {0}")
  @ValueSource(booleans = {false, true})
  void aTamperedOriginFileIsAnErrorAndLeavesNoCopy(boolean serverSide) throws IOException {
    ManifestFormat.publish(origin, List.of(A, B), List.of(utf8("good a"), utf8("good b")));
    tamper(A, "evil a"); // same size, other bytes
    tamper(B, "evil b, longer");

    try (RegionalMirror mirror = mirror(serverSide)) {
      CopyVerificationException sameSize =
          assertThrows(CopyVerificationException.class, () -> mirror.locate(A, "eu"));
      assertTrue(sameSize.getMessage().contains("SHA-256"), sameSize.getMessage());
      CopyVerificationException longer =
          assertThrows(CopyVerificationException.class, () -> mirror.locate(B, "eu"));
      assertTrue(longer.getMessage().contains("bytes"), longer.getMessage());
      // and again: a failed copy leaves nothing that would make the next request succeed
      assertThrows(CopyVerificationException.class, () -> mirror.locate(A, "eu"));
    }
    assertEquals(List.of(), region.keys(), "no copy, lease or temporary object");
    assertTrue(listener.events().contains("failed eu files/a.bin"), listener.events().toString());
  }

  @Test
  void aFileShorterThanItsIndexEntryLeavesNoCopy() throws IOException {
    ManifestFormat.publish(origin, List.of(A), List.of(utf8("the whole file")));
    tamper(A, "");
    try (RegionalMirror mirror = mirror(false)) {
      assertThrows(CopyVerificationException.class, () -> mirror.locate(A, "eu"));
    }
    assertEquals(List.of(), region.keys());
  }

  @Test
  void aPackageReplacedSinceTheLastMarkIsCheckedAgainstTheNewIndexEntry() throws IOException {
    ManifestFormat.publish(origin, List.of(A), List.of(utf8("version 1")));
    try (RegionalMirror mirror = mirror(false)) {
      mirror.locate(A, "eu");
      ManifestFormat.publish(origin, List.of(B), List.of(utf8("b 1")));
      ManifestFormat.publish(origin, List.of(B), List.of(utf8("b 2, replaced")));

      Located located = mirror.locate(B, "eu"); // the mark before knew neither version of b

      assertEquals(Located.Outcome.COPIED, located.outcome());
      try (ObjectStream in = region.read(B)) {
        assertArrayEquals(utf8("b 2, replaced"), in.readAllBytes());
      }
    }
  }

  @Test
  void aKeyNoIndexRecordsIsCheckedAgainstTheOrigin() throws IOException {
    ManifestFormat.publish(origin, List.of(), List.of());
    ObjectKey loose = ObjectKey.of("loose/notes.txt");
    origin.write(loose, ContentSource.ofUtf8("loose bytes"), WriteCondition.none());
    try (RegionalMirror mirror = mirror(true)) {
      Located located = mirror.locate(loose, "eu");
      assertEquals(URI.create("http://eu.example/loose/notes.txt"), located.url());
    }
    try (ObjectStream in = region.read(loose)) {
      assertArrayEquals(utf8("loose bytes"), in.readAllBytes());
    }
    assertEquals(List.of("marked 2", "copied eu loose/notes.txt streamed"), listener.events());
  }

  @Test
  void aKeyTheOriginLacksIsNotFoundAndAMutableKeyIsNotMirrored() throws IOException {
    ManifestFormat.publish(origin, List.of(A), List.of(utf8("a")));
    try (RegionalMirror mirror = mirror(false)) {
      assertThrows(
          ObjectNotFoundException.class, () -> mirror.locate(ObjectKey.of("files/none"), "eu"));
      assertThrows(
          IllegalArgumentException.class, () -> mirror.locate(ManifestFormat.MANIFEST, "eu"));
      assertThrows(IllegalArgumentException.class, () -> mirror.locate(A, "us"));
    }
    assertEquals(List.of(), region.keys());
  }
}
