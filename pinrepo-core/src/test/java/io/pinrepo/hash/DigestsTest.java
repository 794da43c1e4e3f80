package io.pinrepo.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The digest values and their validation. */
class DigestsTest {

  @Test
  void knowsTheDigestsOfAbc() {
    Digests abc = Digests.of("abc".getBytes(StandardCharsets.US_ASCII));

    assertEquals(3, abc.size());
    assertEquals("900150983cd24fb0d6963f7d28e17f72", abc.md5()); // RFC 1321 test suite
    assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", abc.hex(HashAlgorithm.SHA1));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        abc.hex(HashAlgorithm.SHA256));
    assertEquals(128, abc.sha512().length());
  }

  @Test
  void aLargeArrayDigestedOnTwoThreadsMatchesTheStreamedDigests() throws Exception {
    for (int size :
        new int[] {
          Digests.SPLIT_BYTES - 1, Digests.SPLIT_BYTES, Digests.SPLIT_BYTES + 65_537, 3 << 20
        }) {
      byte[] bytes = new byte[size];
      new Random(size).nextBytes(bytes);
      assertEquals(Digests.of(new ByteArrayInputStream(bytes)), Digests.of(bytes), size + " bytes");
      assertEquals(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes)),
          Digests.of(bytes).sha512(),
          size + " bytes");
    }
  }

  @Test
  void normalisesHexToLowerCase() {
    Digests lower = Digests.of(new byte[] {1, 2, 3});
    Digests upper =
        new Digests(
            3,
            lower.md5().toUpperCase(),
            lower.sha1().toUpperCase(),
            lower.sha256().toUpperCase(),
            lower.sha512().toUpperCase());

    assertEquals(lower, upper);
  }

  @Test
  void refusesHexOfTheWrongLengthOrAlphabet() {
    Digests d = Digests.of(new byte[0]);

    assertThrows(
        IllegalArgumentException.class,
        () -> new Digests(0, d.md5() + "0", d.sha1(), d.sha256(), d.sha512()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Digests(0, d.md5(), "g" + d.sha1().substring(1), d.sha256(), d.sha512()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Digests(-1, d.md5(), d.sha1(), d.sha256(), d.sha512()));
  }

  @Test
  void aFinishedMultiDigestAcceptsNoMoreBytes() {
    MultiDigest digest = new MultiDigest();
    digest.finish();

    assertThrows(IllegalStateException.class, () -> digest.update(1));
    assertThrows(IllegalStateException.class, () -> digest.update(new byte[1], 0, 1));
  }
}
