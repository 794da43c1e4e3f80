package io.pinrepo.spi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Bytes to write, readable as often as needed so that a backend can retry or hash before it
 * uploads. Each {@link #open()} returns a new stream positioned at the start; the caller of {@code
 * open} closes it.
 */
public interface ContentSource {

  /** Opens a new stream over the whole content; the caller closes it. */
  InputStream open() throws IOException;

  /** The content's length when known in advance; empty when only reading tells. */
  OptionalLong size();

  /** Content held in memory; the array is copied. */
  static ContentSource ofBytes(byte[] bytes) {
    return wrapping(bytes.clone());
  }

  /**
   * Content held in memory, without a copy: the caller does not change the array afterwards (an
   * index of tens of megabytes is not worth holding twice).
   */
  static ContentSource wrapping(byte[] bytes) {
    return new ContentSource() {
      @Override
      public InputStream open() {
        return new ByteArrayInputStream(bytes);
      }

      @Override
      public OptionalLong size() {
        return OptionalLong.of(bytes.length);
      }
    };
  }

  /** A string encoded as UTF-8. */
  static ContentSource ofUtf8(String text) {
    return ofBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A file's content, read afresh on each {@link #open()}. */
  static ContentSource ofPath(Path file) {
    return new ContentSource() {
      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(file);
      }

      @Override
      public OptionalLong size() {
        try {
          return OptionalLong.of(Files.size(file));
        } catch (IOException e) {
          return OptionalLong.empty();
        }
      }

      @Override
      public String toString() {
        return file.toString();
      }
    };
  }
}
