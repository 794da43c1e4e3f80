package io.pinrepo.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The streaming digests equal {@link MessageDigest} over the whole input, however it arrives. */
class StreamingDigestPropertiesTest {

  @Property
  void multiDigestOverAnyChunkingEqualsTheWhole(
      @ForAll @Size(max = 3000) byte[] data,
      @ForAll @Size(max = 12) List<@IntRange(max = 700) Integer> chunks) {
    MultiDigest digest = new MultiDigest();
    int position = 0;
    for (int chunk : chunks) {
      int length = Math.min(chunk, data.length - position);
      if (chunk % 7 == 1 && length > 0) {
        digest.update(data[position] & 0xff); // the single-byte path
        length = 1;
      } else {
        digest.update(data, position, length);
      }
      position += length;
    }
    digest.update(data, position, data.length - position);

    assertEquals(expected(data), digest.finish());
  }

  @Property
  void digestingStreamOverAnyReadPatternEqualsTheWhole(
      @ForAll @Size(max = 3000) byte[] data,
      @ForAll @Size(max = 12) List<@IntRange(max = 700) Integer> reads,
      @ForAll @IntRange(min = 1, max = 512) int sourceChunk)
      throws IOException {
    ByteArrayOutputStream passedThrough = new ByteArrayOutputStream();
    DigestingInputStream in = new DigestingInputStream(new ShortReads(data, sourceChunk));
    boolean skipped = false;
    for (int size : reads) {
      switch (size % 3) {
        case 0 -> {
          int b = in.read();
          if (b >= 0) {
            passedThrough.write(b);
          }
        }
        case 1 -> {
          byte[] buffer = new byte[size + 3];
          int n = in.read(buffer, 2, size);
          if (n > 0) {
            passedThrough.write(buffer, 2, n);
          }
        }
        default -> skipped |= in.skip(size) > 0;
      }
    }
    Digests digests = in.digests();

    assertEquals(expected(data), digests);
    if (!skipped) {
      byte[] seen = passedThrough.toByteArray();
      byte[] prefix = java.util.Arrays.copyOf(data, seen.length);
      assertArrayEquals(prefix, seen, "the stream altered the bytes it passed through");
    }
  }

  @Property(tries = 100)
  void digestsOfAStreamWithShortReadsEqualTheWhole(
      @ForAll @Size(max = 200_000) byte[] data, @ForAll @IntRange(min = 1, max = 70_000) int chunk)
      throws IOException {
    assertEquals(expected(data), Digests.of(new ShortReads(data, chunk)));
    assertEquals(expected(data), Digests.of(data));
  }

  static Digests expected(byte[] data) {
    return new Digests(
        data.length,
        hex("MD5", data),
        hex("SHA-1", data),
        hex("SHA-256", data),
        hex("SHA-512", data));
  }

  private static String hex(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Yields at most {@code chunk} bytes per read, as sockets and pipes do. */
  static final class ShortReads extends InputStream {
    private final ByteArrayInputStream in;
    private final int chunk;

    ShortReads(byte[] data, int chunk) {
      this.in = new ByteArrayInputStream(data);
      this.chunk = chunk;
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, Math.min(len, chunk));
    }
  }
}
