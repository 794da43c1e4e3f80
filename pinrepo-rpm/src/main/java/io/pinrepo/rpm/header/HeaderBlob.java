package io.pinrepo.rpm.header;

import io.pinrepo.MalformedPackageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One header structure of an RPM file (the signature header or the main header): a 16-byte preamble
 * (magic, index count, data length), the index entries and the data store. Every entry's type,
 * count, offset and alignment is checked when it is read; the extent of strings is checked when a
 * tag is looked up, so a crafted header costs at most its own size per lookup.
 */
final class HeaderBlob {
  static final int PREAMBLE = 16;
  private static final int ENTRY = 16;
  private static final byte[] MAGIC = {(byte) 0x8e, (byte) 0xad, (byte) 0xe8, 0x01, 0, 0, 0, 0};

  private record Entry(int tag, int type, int offset, int count) {}

  private final String source;
  private final String what;
  private final byte[] bytes;
  private final int dataStart;
  private final int dataLength;
  private final Map<Integer, Entry> entries;

  private HeaderBlob(
      String source, String what, byte[] bytes, int dataStart, Map<Integer, Entry> entries) {
    this.source = source;
    this.what = what;
    this.bytes = bytes;
    this.dataStart = dataStart;
    this.dataLength = bytes.length - dataStart;
    this.entries = entries;
  }

  /**
   * Reads one header from {@code in}, which must be positioned at its magic.
   *
   * @param regionTag the region tag this header may start with
   */
  static HeaderBlob read(
      InputStream in, String source, String what, int regionTag, int maxEntries, int maxData)
      throws IOException {
    byte[] preamble = readFully(in, PREAMBLE, source, what);
    for (int i = 0; i < MAGIC.length; i++) {
      if (preamble[i] != MAGIC[i]) {
        throw new MalformedPackageException(source, "no " + what + " magic where one belongs");
      }
    }
    long il = Bytes.u32(preamble, 8);
    long dl = Bytes.u32(preamble, 12);
    if (il < 1 || il > maxEntries) {
      throw new MalformedPackageException(
          source, what + " claims " + il + " index entries (1 to " + maxEntries + " accepted)");
    }
    if (dl > maxData) {
      throw new MalformedPackageException(
          source, what + " claims " + dl + " data bytes (at most " + maxData + " accepted)");
    }
    int dataStart = PREAMBLE + (int) il * ENTRY;
    byte[] bytes = new byte[dataStart + (int) dl];
    System.arraycopy(preamble, 0, bytes, 0, PREAMBLE);
    byte[] rest = readFully(in, bytes.length - PREAMBLE, source, what);
    System.arraycopy(rest, 0, bytes, PREAMBLE, rest.length);
    HeaderBlob blob = new HeaderBlob(source, what, bytes, dataStart, new HashMap<>());
    for (int i = 0; i < il; i++) {
      int at = PREAMBLE + i * ENTRY;
      Entry e =
          new Entry(
              Bytes.s32(bytes, at),
              Bytes.s32(bytes, at + 4),
              Bytes.s32(bytes, at + 8),
              Bytes.s32(bytes, at + 12));
      if (i == 0 && e.tag() == regionTag) {
        blob.checkRegion(e, regionTag, (int) il);
      } else {
        blob.checkEntry(e);
      }
      blob.entries.put(e.tag(), e);
    }
    return blob;
  }

  /** The header as it is in the file, preamble included. */
  byte[] bytes() {
    return bytes.clone();
  }

  /** Its length in the file. */
  int size() {
    return bytes.length;
  }

  boolean has(int tag) {
    return entries.containsKey(tag);
  }

  /** The first string of {@code tag}, or "" when the header lacks it. */
  String string(int tag) throws MalformedPackageException {
    List<String> values = strings(tag);
    return values.isEmpty() ? "" : values.get(0);
  }

  /** The strings of a string, string-array or i18n-string tag; empty when the header lacks it. */
  List<String> strings(int tag) throws MalformedPackageException {
    Entry e = entries.get(tag);
    if (e == null) {
      return List.of();
    }
    if (e.type() != Tags.STRING && e.type() != Tags.STRING_ARRAY && e.type() != Tags.I18NSTRING) {
      throw bad(tag, "has type " + e.type() + " where strings belong");
    }
    List<String> values = new ArrayList<>(Math.min(e.count(), 1024));
    int at = dataStart + e.offset();
    int end = bytes.length;
    for (int i = 0; i < e.count(); i++) {
      int nul = at;
      while (nul < end && bytes[nul] != 0) {
        nul++;
      }
      if (nul == end) {
        throw bad(tag, "has a string that runs past the end of the " + what);
      }
      values.add(decode(tag, at, nul));
      at = nul + 1;
    }
    return values;
  }

  /** The values of an integer tag, unsigned; empty when the header lacks it. */
  long[] numbers(int tag) throws MalformedPackageException {
    Entry e = entries.get(tag);
    if (e == null) {
      return new long[0];
    }
    int width = width(e.type());
    if (e.type() == Tags.BIN || e.type() >= Tags.STRING || width == 0) {
      throw bad(tag, "has type " + e.type() + " where numbers belong");
    }
    long[] values = new long[e.count()];
    int at = dataStart + e.offset();
    for (int i = 0; i < values.length; i++, at += width) {
      values[i] =
          switch (width) {
            case 1 -> bytes[at] & 0xFFL;
            case 2 -> ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
            case 4 -> Bytes.u32(bytes, at);
            default -> Bytes.s64(bytes, at);
          };
    }
    return values;
  }

  /** The first value of an integer tag, or {@code absent} when the header lacks it. */
  long number(int tag, long absent) throws MalformedPackageException {
    long[] values = numbers(tag);
    return values.length == 0 ? absent : values[0];
  }

  /** The bytes of a binary tag; empty when the header lacks it. */
  byte[] binary(int tag) throws MalformedPackageException {
    Entry e = entries.get(tag);
    if (e == null) {
      return new byte[0];
    }
    if (e.type() != Tags.BIN) {
      throw bad(tag, "has type " + e.type() + " where binary data belongs");
    }
    int at = dataStart + e.offset();
    byte[] value = new byte[e.count()];
    System.arraycopy(bytes, at, value, 0, value.length);
    return value;
  }

  MalformedPackageException bad(int tag, String problem) {
    return new MalformedPackageException(source, what + " tag " + tag + " " + problem);
  }

  private void checkEntry(Entry e) throws MalformedPackageException {
    int tag = e.tag();
    if (e.type() < Tags.CHAR || e.type() > Tags.I18NSTRING) {
      throw bad(tag, "has unknown type " + e.type());
    }
    if (e.offset() < 0 || e.offset() >= dataLength) {
      throw bad(tag, "points at offset " + e.offset() + " outside " + dataLength + " data bytes");
    }
    if (e.count() < 1 || e.count() > 0x00FF_FFFF) {
      throw bad(tag, "has count " + Integer.toUnsignedString(e.count()));
    }
    int width = width(e.type());
    if (width > 1 && e.offset() % width != 0) {
      throw bad(tag, "has misaligned data at offset " + e.offset());
    }
    long extent = width == 0 ? e.count() : (long) e.count() * width;
    if (e.offset() + extent > dataLength) {
      throw bad(tag, "has " + e.count() + " values that run past the end of the " + what);
    }
    if (e.type() == Tags.STRING && e.count() != 1) {
      throw bad(tag, "is a string with count " + e.count());
    }
  }

  private void checkRegion(Entry e, int regionTag, int il) throws MalformedPackageException {
    int tag = e.tag();
    if (e.type() != Tags.BIN || e.count() != ENTRY) {
      throw bad(tag, "is a region tag of type " + e.type() + " and count " + e.count());
    }
    if (e.offset() < 0 || (long) e.offset() + ENTRY > dataLength) {
      throw bad(tag, "puts its region trailer at offset " + e.offset() + ", outside the data");
    }
    int at = dataStart + e.offset();
    int trailerTag = Bytes.s32(bytes, at);
    if (regionTag == Tags.HEADERSIGNATURES && trailerTag == Tags.HEADERIMAGE) {
      trailerTag = Tags.HEADERSIGNATURES; // as old packages wrote it; rpm accepts it too
    }
    long regionEntries = -(long) Bytes.s32(bytes, at + 8);
    if (trailerTag != regionTag
        || Bytes.s32(bytes, at + 4) != Tags.BIN
        || Bytes.s32(bytes, at + 12) != ENTRY
        || regionEntries <= 0
        || regionEntries % ENTRY != 0
        || regionEntries / ENTRY > il) {
      throw bad(tag, "has an invalid region trailer");
    }
  }

  private String decode(int tag, int from, int to) throws MalformedPackageException {
    for (int i = from; i < to; i++) {
      int b = bytes[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        throw bad(tag, String.format("contains the control character 0x%02x", b));
      }
    }
    return HeaderText.decode(bytes, from, to);
  }

  private static int width(int type) {
    return switch (type) {
      case Tags.CHAR, Tags.INT8, Tags.BIN -> 1;
      case Tags.INT16 -> 2;
      case Tags.INT32 -> 4;
      case Tags.INT64 -> 8;
      default -> 0;
    };
  }

  static byte[] readFully(InputStream in, int n, String source, String what) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new MalformedPackageException(
          source, "truncated in the " + what + " (" + b.length + " of " + n + " bytes)");
    }
    return b;
  }
}
