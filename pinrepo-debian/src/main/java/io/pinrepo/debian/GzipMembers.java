package io.pinrepo.debian;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * {@code Packages.gz} written as a sequence of gzip members (RFC 1952 section 2.2: a gzip file is a
 * series of members; gzip, zlib's {@code gzread} and so apt read them all), each the deflate of a
 * run of whole stanzas. An edit then deflates only the members whose text changed and copies the
 * compressed bytes of the others from the previous file.
 *
 * <p>Where members start depends on the text alone, so the file is a function of the index (and the
 * deflate level) whether it was made from scratch or from a previous file: a member starts before
 * each stanza whose {@code Package} name hashes to a multiple of {@link #EVERY}, so inserting or
 * replacing a stanza changes one member. Each member's header carries an extra subfield ({@code 'P'
 * 'm'}, 4 bytes: the member's whole length), so the members of a previous file are found by hopping
 * from header to header without inflating. A previous member is reused only where its trailer's
 * CRC-32 and length match a run of the new text and the previous index's bytes at its place are
 * that run; a previous file in any other form (one member, another tool's) is not reused, and the
 * whole index is deflated. It does not check that a reused member's deflate data inflates to its
 * CRC: the previous file was read through its SHA-512 by-hash name.
 */
final class GzipMembers {
  /**
   * On average one stanza in this many starts a member (about 140 KB of text per member in an index
   * of binary packages: measured on a 10,000-package index, 1% more bytes than one member, where
   * one in 128 gave 1.7% and one in 64 2.7%, and an add-one costs about the same).
   */
  static final int EVERY = 256;

  private static final int HEADER = 20;
  private static final int TRAILER = 8;
  private static final byte[] PACKAGE = "Package: ".getBytes(StandardCharsets.US_ASCII);

  private GzipMembers() {}

  /** One member of a previous file: its place in the file and the text it holds. */
  private record Member(int offset, int length, int textOffset, int textLength, int crc) {}

  /**
   * {@code text} gzip-compressed at {@code level}, reusing the members of {@code previousGz} (the
   * compressed form of {@code previousText}) whose text is unchanged; either previous may be null.
   */
  static byte[] compress(byte[] text, int level, byte[] previousText, byte[] previousGz) {
    Map<Integer, List<Member>> old = new HashMap<>();
    if (previousText != null && previousGz != null) {
      for (Member m : members(previousGz, previousText.length)) {
        old.computeIfAbsent(m.crc(), k -> new ArrayList<>()).add(m);
      }
    }
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(previousGz != null ? previousGz.length + 4096 : text.length / 4);
    int[] cuts = cuts(text);
    Deflater deflater = new Deflater(level, true);
    try {
      CRC32 crc = new CRC32();
      for (int i = 0; i < cuts.length; i++) {
        int start = cuts[i];
        int end = i + 1 < cuts.length ? cuts[i + 1] : text.length;
        crc.reset();
        crc.update(text, start, end - start);
        int value = (int) crc.getValue();
        Member reuse = null;
        for (Member m : old.getOrDefault(value, List.of())) {
          if (m.textLength() == end - start
              && Arrays.equals(
                  previousText,
                  m.textOffset(),
                  m.textOffset() + m.textLength(),
                  text,
                  start,
                  end)) {
            reuse = m;
            break;
          }
        }
        if (reuse != null) {
          out.write(previousGz, reuse.offset(), reuse.length());
        } else {
          member(out, deflater, text, start, end, value);
        }
      }
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  /** Where members start in {@code text}: 0, then before each stanza whose name is a cut. */
  static int[] cuts(byte[] text) {
    int[] cuts = new int[16];
    int count = 1;
    for (int i = 1; i + 1 < text.length; i++) {
      if (text[i] != '\n' || text[i - 1] != '\n') {
        continue;
      }
      int s = i + 1;
      if (!Arrays.equals(
          text, s, Math.min(s + PACKAGE.length, text.length), PACKAGE, 0, PACKAGE.length)) {
        continue;
      }
      int h = 0x811c9dc5;
      int j = s + PACKAGE.length;
      for (; j < text.length && text[j] != '\n'; j++) {
        h = (h ^ (text[j] & 0xff)) * 0x01000193;
      }
      h ^= h >>> 16;
      h *= 0x85ebca6b;
      h ^= h >>> 13;
      if ((h & (EVERY - 1)) == 0) {
        if (count == cuts.length) {
          cuts = Arrays.copyOf(cuts, count * 2);
        }
        cuts[count++] = s;
      }
      i = j;
    }
    return Arrays.copyOf(cuts, count);
  }

  private static void member(
      ByteArrayOutputStream out, Deflater deflater, byte[] text, int start, int end, int crc) {
    byte[] header = {
      0x1f, (byte) 0x8b, 8, 4, 0, 0, 0, 0, 0, (byte) 255, 8, 0, 'P', 'm', 4, 0, 0, 0, 0, 0
    };
    deflater.reset();
    deflater.setInput(text, start, end - start);
    deflater.finish();
    byte[] body = new byte[Math.max(64, (end - start) / 3)];
    int size = 0;
    while (!deflater.finished()) {
      if (size == body.length) {
        body = Arrays.copyOf(body, body.length * 2);
      }
      size += deflater.deflate(body, size, body.length - size);
    }
    int length = HEADER + size + TRAILER;
    putInt(header, 16, length);
    out.write(header, 0, HEADER);
    out.write(body, 0, size);
    byte[] trailer = new byte[TRAILER];
    putInt(trailer, 0, crc);
    putInt(trailer, 4, end - start);
    out.write(trailer, 0, TRAILER);
  }

  /**
   * The members of {@code gz} if it is entirely members written by {@link #member} whose lengths
   * add up to {@code textLength}; else none.
   */
  private static List<Member> members(byte[] gz, int textLength) {
    List<Member> members = new ArrayList<>();
    int pos = 0;
    long text = 0;
    while (pos < gz.length) {
      if (gz.length - pos < HEADER + TRAILER
          || (gz[pos] & 0xff) != 0x1f
          || (gz[pos + 1] & 0xff) != 0x8b
          || gz[pos + 2] != 8
          || gz[pos + 3] != 4
          || getInt(gz, pos + 10) != (8 | 'P' << 16 | 'm' << 24)
          || gz[pos + 14] != 4
          || gz[pos + 15] != 0) {
        return List.of();
      }
      int length = getInt(gz, pos + 16);
      if (length < HEADER + TRAILER || length > gz.length - pos) {
        return List.of();
      }
      int crc = getInt(gz, pos + length - TRAILER);
      int size = getInt(gz, pos + length - 4);
      if (size < 0 || text + size > textLength) {
        return List.of();
      }
      members.add(new Member(pos, length, (int) text, size, crc));
      text += size;
      pos += length;
    }
    return text == textLength ? members : List.of();
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
    b[at + 2] = (byte) (v >>> 16);
    b[at + 3] = (byte) (v >>> 24);
  }

  private static int getInt(byte[] b, int at) {
    return (b[at] & 0xff)
        | (b[at + 1] & 0xff) << 8
        | (b[at + 2] & 0xff) << 16
        | (b[at + 3] & 0xff) << 24;
  }
}
