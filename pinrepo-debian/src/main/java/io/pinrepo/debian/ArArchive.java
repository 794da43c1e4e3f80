package io.pinrepo.debian;

import io.pinrepo.MalformedPackageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the members of an {@code ar} archive in order, streaming, in the one form deb(5) allows:
 * the common format, names of up to 16 characters with an optional trailing slash, sizes of up to
 * 10 decimal digits. A member's content is a stream that ends where the member ends and fails,
 * naming the file, when the archive ends first. Holds one 60-byte header at a time. Not
 * thread-safe; it does not close the stream it reads.
 */
final class ArArchive {
  private static final byte[] MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 60;

  /**
   * A member's header.
   *
   * @param name its name, without a trailing slash
   * @param size its size in bytes
   */
  record Member(String name, long size) {}

  private final InputStream in;
  private byte[] skipBuffer;
  private final String source;
  private Member current;
  private long remaining;

  /**
   * Reads the archive's signature.
   *
   * @param source names the file in errors
   * @throws MalformedPackageException when the stream does not start with {@code !<arch>}
   */
  ArArchive(InputStream in, String source) throws IOException {
    this.in = in;
    this.source = source;
    byte[] magic = in.readNBytes(MAGIC.length);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new MalformedPackageException(
          source,
          magic.length == 0
              ? "the file is empty, not a Debian package"
              : "not a readable Debian package: it does not start with the ar archive signature"
                  + " '!<arch>'");
    }
  }

  /** The next member's header, after skipping what is left of the current one; empty at the end. */
  Optional<Member> next() throws IOException {
    if (current != null) {
      skip(remaining);
      if (current.size() % 2 == 1) {
        in.read(); // the padding byte; a last member may leave it out
      }
    }
    byte[] header = in.readNBytes(HEADER);
    if (header.length == 0) {
      current = null;
      return Optional.empty();
    }
    if (header.length < HEADER) {
      throw new MalformedPackageException(
          source,
          "the file is truncated: it ends inside the header of the member after " + describe());
    }
    current = parse(header);
    remaining = current.size();
    return Optional.of(current);
  }

  /** The current member's content; reading it ends at the member's end. The caller may close it. */
  InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
          throw truncated();
        }
        remaining -= n;
        return n;
      }

      @Override
      public void close() {
        // the archive stream stays open for the next member
      }
    };
  }

  private Member parse(byte[] header) throws MalformedPackageException {
    String text = new String(header, StandardCharsets.ISO_8859_1);
    if (header[58] != '`' || header[59] != '\n') {
      throw new MalformedPackageException(
          source, "the ar member header after " + describe() + " is corrupt");
    }
    String name = text.substring(0, 16).stripTrailing();
    if (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
      throw new MalformedPackageException(
          source, "an ar member after " + describe() + " has no valid name");
    }
    String size = text.substring(48, 58).strip();
    if (size.isEmpty() || !size.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new MalformedPackageException(
          source, "ar member " + name + " has no valid size ('" + size + "')");
    }
    return new Member(name, Long.parseLong(size));
  }

  private void skip(long n) throws IOException {
    if (n > 0 && skipBuffer == null) {
      skipBuffer = new byte[8192]; // once per archive: a skip per entry, mostly of a few bytes
    }
    long left = n;
    while (left > 0) {
      int r = in.read(skipBuffer, 0, (int) Math.min(skipBuffer.length, left));
      if (r < 0) {
        throw truncated();
      }
      left -= r;
      remaining -= r;
    }
  }

  private MalformedPackageException truncated() {
    return new MalformedPackageException(
        source,
        "the file is truncated: member "
            + current.name()
            + " should have "
            + current.size()
            + " bytes but ends after "
            + (current.size() - remaining));
  }

  private String describe() {
    return current == null ? "the signature" : "member " + current.name();
  }
}
