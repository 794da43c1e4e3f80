package io.pinrepo.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated object far larger than the heap goes up as a multipart upload of unknown length and
 * comes back byte for byte. Runs in its own surefire execution with {@code -Xmx256m}; the size is
 * {@code pinrepo.s3.largeBytes} (300 MiB in every build; {@code -Ds3.largeBytes=3221225472} for 3
 * GiB).
 */
class LargeObjectTest {

  @TempDir Path dir;

  @Test
  void aStreamLargerThanTheHeapRoundTripsWithItsDigest() throws Exception {
    long size = Long.getLong("pinrepo.s3.largeBytes", 300L << 20);
    long heap = Runtime.getRuntime().maxMemory();
    assumeTrue(heap < size, "run with a heap smaller than the object (-Xmx256m); heap=" + heap);
    ContentSource generated =
        new ContentSource() {
          @Override
          public InputStream open() {
            return new GeneratedStream(size, 42);
          }

          @Override
          public OptionalLong size() {
            return OptionalLong.empty(); // as from a pipe: forces streaming multipart
          }
        };
    String expected = sha256(new GeneratedStream(size, 42));
    try (S3ProxyFixture server = S3ProxyFixture.start(dir);
        S3Storage storage = server.storage("large").build()) {
      ObjectKey key = ObjectKey.of("pool/main/b/big/big_1.0_amd64.deb");
      long start = System.nanoTime();
      ObjectInfo written = storage.write(key, generated, WriteCondition.mustBeAbsent());
      long uploaded = System.nanoTime();
      assertEquals(size, written.size());
      String actual;
      try (ObjectStream in = storage.read(key)) {
        assertEquals(size, in.info().size());
        actual = sha256(in);
      }
      long downloaded = System.nanoTime();
      assertEquals(expected, actual);
      System.out.printf(
          "large object: %d MiB, heap %d MiB, upload %.1f s, download+sha256 %.1f s%n",
          size >> 20, heap >> 20, (uploaded - start) / 1e9, (downloaded - uploaded) / 1e9);
      try (ObjectStream tail = storage.read(key, ByteRange.from(size - 4096));
          InputStream generatedTail = new GeneratedStream(size, 42)) {
        generatedTail.skipNBytes(size - 4096);
        assertArrayEquals(generatedTail.readAllBytes(), tail.readAllBytes());
      }
    }
  }

  private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (DigestInputStream d = new DigestInputStream(in, digest)) {
      d.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
