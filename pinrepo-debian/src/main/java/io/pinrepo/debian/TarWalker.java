package io.pinrepo.debian;

import io.pinrepo.MalformedPackageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Walks the entries of a tar archive in the forms deb(5) allows (v7, ustar, POSIX pax, GNU long
 * names and base-256 sizes), in bounded memory: a header block, a long name of at most 4 KiB or a
 * pax header of at most 64 KiB at a time; entry contents are skipped or read through {@link
 * #readContent}. Unknown entry types, bad header checksums and an archive that ends inside an entry
 * are refused, naming the file and the member. Not thread-safe.
 */
final class TarWalker {
  private static final int BLOCK = 512;
  private static final int MAX_LONG_NAME = 4096;
  private static final int MAX_PAX = 64 << 10;
  private static final long MAX_ENTRY = 1L << 40;

  /**
   * One entry.
   *
   * @param name its path as written (after pax and GNU long names)
   * @param type the tar type flag: {@code '0'} a file, {@code '1'} a hard link, {@code '2'} a
   *     symbolic link, {@code '5'} a directory, {@code '3' '4' '6' '7'} devices, pipes and
   *     contiguous files
   * @param size its content's size
   * @param linkName a link's target, else empty
   */
  record Entry(String name, char type, long size, String linkName) {
    boolean isFile() {
      return type == '0' || type == '7';
    }

    boolean isDirectory() {
      return type == '5';
    }

    boolean isLink() {
      return type == '1' || type == '2';
    }
  }

  private final InputStream in;
  private byte[] skipBuffer;
  private final String source;
  private final String member;
  private final byte[] block = new byte[BLOCK];
  private long remaining;
  private long padding;
  private Entry current;

  /**
   * @param source names the file in errors
   * @param member names the archive member in errors, such as {@code control.tar.gz}
   */
  TarWalker(InputStream in, String source, String member) {
    this.in = in;
    this.source = source;
    this.member = member;
  }

  /** The next entry, after skipping the rest of the current one; empty at the end. */
  Optional<Entry> next() throws IOException {
    skip(remaining + padding);
    remaining = 0;
    padding = 0;
    String longName = null;
    String longLink = null;
    Pax pax = new Pax();
    while (true) {
      if (!readBlock()) {
        return Optional.empty();
      }
      if (isZero(block)) {
        return Optional.empty();
      }
      checkChecksum();
      char type = block[156] == 0 ? '0' : (char) (block[156] & 0xff);
      long size = size();
      switch (type) {
        case 'L' -> longName = text(readSpecial(size, MAX_LONG_NAME, "long name"));
        case 'K' -> longLink = text(readSpecial(size, MAX_LONG_NAME, "long link name"));
        case 'x' -> pax = Pax.parse(readSpecial(size, MAX_PAX, "pax header"), this::malformed);
        case 'g' -> readSpecial(size, MAX_PAX, "global pax header");
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          return Optional.of(entry(type, size, longName, longLink, pax));
        }
        default ->
            throw malformed(
                "holds an entry of unknown type '" + printable(String.valueOf(type)) + "'");
      }
    }
  }

  /** The current entry's content, which must be at most {@code max} bytes. */
  byte[] readContent(int max) throws IOException {
    if (remaining > max) {
      throw new IllegalStateException("entry larger than " + max);
    }
    byte[] content = readFully((int) remaining);
    remaining = 0;
    return content;
  }

  private Entry entry(char type, long size, String longName, String longLink, Pax pax)
      throws MalformedPackageException {
    String name = pax.path != null ? pax.path : longName != null ? longName : headerName();
    String link =
        pax.linkPath != null ? pax.linkPath : longLink != null ? longLink : field(157, 100);
    long entrySize = pax.size >= 0 ? pax.size : size;
    if (entrySize > MAX_ENTRY) {
      throw malformed("claims an entry of " + entrySize + " bytes");
    }
    boolean hasData = type == '0' || type == '7';
    remaining = hasData ? entrySize : 0;
    padding = hasData ? (BLOCK - entrySize % BLOCK) % BLOCK : 0;
    current =
        new Entry(name, type, hasData ? entrySize : 0, type == '1' || type == '2' ? link : "");
    return current;
  }

  private String headerName() {
    String name = field(0, 100);
    boolean posix = block[257] == 'u' && block[262] == 0; // "ustar\0", not GNU's "ustar  \0"
    String prefix = posix ? field(345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private String field(int offset, int length) {
    int end = offset;
    while (end < offset + length && block[end] != 0) {
      end++;
    }
    return new String(block, offset, end - offset, StandardCharsets.UTF_8);
  }

  private long size() throws MalformedPackageException {
    if ((block[124] & 0x80) != 0) {
      long size = 0;
      for (int i = 125; i < 136; i++) {
        if (size > (Long.MAX_VALUE >> 8)) {
          throw malformed("claims an entry larger than any file can be");
        }
        size = (size << 8) | (block[i] & 0xff);
      }
      return size;
    }
    String octal = field(124, 12).strip();
    if (!octal.chars().allMatch(c -> c >= '0' && c <= '7')) {
      throw malformed("has an entry with an unreadable size");
    }
    return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
  }

  private void checkChecksum() throws MalformedPackageException {
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      int b = i >= 148 && i < 156 ? ' ' : block[i];
      unsigned += b & 0xff;
      signed += b;
    }
    String stored = field(148, 8).strip();
    long expected;
    try {
      expected = stored.isEmpty() ? -1 : Long.parseLong(stored, 8);
    } catch (NumberFormatException e) {
      expected = -1;
    }
    if (expected != unsigned && expected != signed) {
      throw malformed("is not a tar archive or is corrupt (a header checksum does not match)");
    }
  }

  private byte[] readSpecial(long size, int max, String what) throws IOException {
    if (size > max) {
      throw malformed("holds a " + what + " of " + size + " bytes (at most " + max + ")");
    }
    byte[] content = readFully((int) size);
    skip((BLOCK - size % BLOCK) % BLOCK);
    return content;
  }

  private boolean readBlock() throws IOException {
    int n = in.readNBytes(block, 0, BLOCK);
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw truncated();
    }
    return true;
  }

  private byte[] readFully(int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length < n) {
      throw truncated();
    }
    return bytes;
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
    }
  }

  private MalformedPackageException truncated() {
    return malformed(
        current == null
            ? "is truncated"
            : "is truncated: it ends inside " + printable(current.name()));
  }

  MalformedPackageException malformed(String problem) {
    return new MalformedPackageException(source, member + " " + problem);
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] bytes) {
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] == 0) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  /** {@code text} with control characters shown as {@code ?} and cut at 80 characters. */
  static String printable(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints().limit(80).forEach(c -> sb.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
    return text.codePointCount(0, text.length()) > 80 ? sb + "..." : sb.toString();
  }

  /** The pax keys that matter here. */
  private static final class Pax {
    String path;
    String linkPath;
    long size = -1;

    interface Problem {
      MalformedPackageException of(String problem);
    }

    static Pax parse(byte[] bytes, Problem problem) throws MalformedPackageException {
      Pax pax = new Pax();
      int at = 0;
      while (at < bytes.length && bytes[at] != 0) {
        int space = at;
        while (space < bytes.length && bytes[space] != ' ') {
          space++;
        }
        int length;
        try {
          length = Integer.parseInt(new String(bytes, at, space - at, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
          throw problem.of("holds an unreadable pax header");
        }
        if (length <= space - at + 1 || at + length > bytes.length) {
          throw problem.of("holds an unreadable pax header");
        }
        String record =
            new String(bytes, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
        int eq = record.indexOf('=');
        if (eq > 0) {
          pax.set(record.substring(0, eq), record.substring(eq + 1), problem);
        }
        at += length;
      }
      return pax;
    }

    private void set(String key, String value, Problem problem) throws MalformedPackageException {
      switch (key) {
        case "path" -> path = value;
        case "linkpath" -> linkPath = value;
        case "size" -> {
          try {
            size = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw problem.of("holds a pax size that is not a number");
          }
          if (size < 0) {
            throw problem.of("holds a negative pax size");
          }
        }
        default -> {
          // other keys (times, owners, attributes) do not matter to a repository
        }
      }
    }
  }
}
