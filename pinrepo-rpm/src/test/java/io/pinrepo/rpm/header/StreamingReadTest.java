package io.pinrepo.rpm.header;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.fixtures.rpm.RpmBuilder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The payload is streamed past: reading a file allocates far less than the file's size. */
class StreamingReadTest {
  private static final long PAYLOAD = 64L << 20;

  @Test
  void allocatesFarLessThanThePayloadItStreamsPast() {
    byte[] rpm =
        RpmBuilder.of("pin-big", "1.0", "1", "noarch")
            .file("/usr/share/pin-big/a", "a\n".getBytes(UTF_8))
            .build();
    InputStream in = new SequenceInputStream(new ByteArrayInputStream(rpm), new Zeros(PAYLOAD));
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    MalformedPackageException e =
        assertThrows(MalformedPackageException.class, () -> new RpmReader().read("big.rpm", in));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(e.problem().startsWith("trailing bytes"), e.getMessage());
    assertTrue(allocated < PAYLOAD / 8, "allocated " + allocated + " bytes for " + PAYLOAD);
  }

  /** {@code n} zero bytes, generated as they are read. */
  private static final class Zeros extends InputStream {
    private long left;

    Zeros(long n) {
      this.left = n;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, (byte) 0);
      left -= n;
      return n;
    }
  }
}
