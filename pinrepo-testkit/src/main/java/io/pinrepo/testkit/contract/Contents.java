package io.pinrepo.testkit.contract;

import io.pinrepo.spi.ContentSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Content for the contract's writes: deterministic bytes and sources that misbehave on purpose. */
final class Contents {
  private Contents() {}

  /** {@code size} pseudo-random bytes, the same for the same seed. */
  static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A source over {@code bytes} that does not tell its size, so the backend must stream it. */
  static ContentSource unsized(byte[] bytes) {
    ContentSource sized = ContentSource.ofBytes(bytes);
    return new ContentSource() {
      @Override
      public InputStream open() throws IOException {
        return sized.open();
      }

      @Override
      public OptionalLong size() {
        return OptionalLong.empty();
      }
    };
  }

  /** A source whose every stream yields {@code goodBytes} bytes and then fails. */
  static ContentSource failingAfter(int goodBytes) {
    byte[] prefix = random(goodBytes, goodBytes);
    return new ContentSource() {
      @Override
      public InputStream open() {
        return new InputStream() {
          private int position;

          @Override
          public int read() throws IOException {
            if (position >= prefix.length) {
              throw new IOException("source failed on purpose after " + goodBytes + " bytes");
            }
            return prefix[position++] & 0xff;
          }
        };
      }

      @Override
      public OptionalLong size() {
        return OptionalLong.of(goodBytes * 2L);
      }
    };
  }

  /** A source that counts the streams it opened and that were closed. */
  static final class Tracked implements ContentSource {
    private final ContentSource delegate;
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    Tracked(byte[] bytes) {
      this.delegate = ContentSource.ofBytes(bytes);
    }

    @Override
    public InputStream open() throws IOException {
      opened.incrementAndGet();
      return new java.io.FilterInputStream(delegate.open()) {
        private boolean done;

        @Override
        public void close() throws IOException {
          if (!done) {
            done = true;
            closed.incrementAndGet();
          }
          super.close();
        }
      };
    }

    @Override
    public OptionalLong size() {
      return delegate.size();
    }
  }
}
