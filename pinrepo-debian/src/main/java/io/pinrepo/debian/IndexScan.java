package io.pinrepo.debian;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the stanzas of a {@code Packages} index are, and their package names, found in one pass
 * over its bytes without parsing them into fields. The pass also checks that parsing the index and
 * rendering it again ({@link PackagesIndex}) would give the same bytes: valid UTF-8 without a byte
 * order mark, no comments, no carriage returns or blanks at line ends, {@code Name: value} with one
 * space, no field twice in a stanza, one blank line between stanzas and none at the start or end,
 * the identity fields present on one line each with a valid version, and stanzas in index order. An
 * index that fails any check is reported as not scannable, never as malformed: the full parse
 * judges it.
 */
final class IndexScan {
  private static final byte[][] IDENTITY = {
    "package".getBytes(StandardCharsets.US_ASCII),
    "version".getBytes(StandardCharsets.US_ASCII),
    "architecture".getBytes(StandardCharsets.US_ASCII),
    "filename".getBytes(StandardCharsets.US_ASCII)
  };

  private final int[] starts;
  private final int[] ends;
  private final String[] names;
  private final int size;

  private IndexScan(int[] starts, int[] ends, String[] names, int size) {
    this.starts = starts;
    this.ends = ends;
    this.names = names;
    this.size = size;
  }

  /** The number of stanzas. */
  int size() {
    return size;
  }

  /** Where stanza {@code i} starts. */
  int start(int i) {
    return starts[i];
  }

  /** Where stanza {@code i} ends: just after its last {@code \n}. */
  int end(int i) {
    return ends[i];
  }

  /** The {@code Package} of stanza {@code i}. */
  String name(int i) {
    return names[i];
  }

  /** The scan of {@code bytes}; empty when the index is not exactly as rendering writes it. */
  static Optional<IndexScan> of(byte[] bytes) {
    return new Scanner(bytes).run();
  }

  private static final byte[] PACKAGE = "Package: ".getBytes(StandardCharsets.US_ASCII);

  /**
   * The scan of an index this library rendered (its Release says so, {@link ReleaseFile#rendered}),
   * whose form is therefore not checked again: only where the stanzas are and their {@code Package}
   * lines are looked for, a few times faster than {@link #of} (at 100,000 packages ~100 ms on first
   * use and 45-60 ms warm, instead of ~340 and 150-180 ms). Its bytes are still checked against
   * their digest by the reader. Empty when they do not even look rendered: the caller then scans
   * them in full.
   */
  static Optional<IndexScan> ofRendered(byte[] b) {
    int n = b.length;
    if (n == 0) {
      return of(b);
    }
    if (b[n - 1] != '\n') {
      return Optional.empty();
    }
    int capacity = 1024;
    int[] starts = new int[capacity];
    int[] ends = new int[capacity];
    String[] names = new String[capacity];
    int size = 0;
    int pos = 0;
    while (pos < n) {
      int start = pos;
      String name = null;
      while (pos < n && b[pos] != '\n') { // one line of the stanza per turn
        int eol = pos;
        while (b[eol] != '\n') {
          eol++;
        }
        if (name == null && eol - pos > PACKAGE.length && startsWith(b, pos, PACKAGE)) {
          name =
              new String(
                  b, pos + PACKAGE.length, eol - pos - PACKAGE.length, StandardCharsets.UTF_8);
        }
        pos = eol + 1;
      }
      if (name == null || pos == start || (size > 0 && names[size - 1].compareTo(name) > 0)) {
        return Optional.empty();
      }
      if (size == capacity) {
        capacity *= 2;
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
        names = Arrays.copyOf(names, capacity);
      }
      starts[size] = start;
      ends[size] = pos;
      names[size] = name;
      size++;
      pos++; // the blank line, if any
    }
    return pos == n + 1 ? Optional.of(new IndexScan(starts, ends, names, size)) : Optional.empty();
  }

  private static boolean startsWith(byte[] b, int pos, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (b[pos + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** One pass of checks; any failed check ends it with empty. */
  private static final class Scanner {
    private final byte[] b;
    private int[] starts = new int[1024];
    private int[] ends = new int[1024];
    private String[] names = new String[1024];
    private int size;
    private final long[] fieldHashes = new long[64];
    private int fields;
    private final String[] identity = new String[4];
    private boolean identityLine;
    private int stanzaStart;
    private boolean nonAscii;

    Scanner(byte[] bytes) {
      this.b = bytes;
    }

    Optional<IndexScan> run() {
      int n = b.length;
      if (n == 0) {
        return Optional.of(new IndexScan(starts, ends, names, 0));
      }
      if (b[n - 1] != '\n'
          || (n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF)) {
        return Optional.empty();
      }
      int pos = 0;
      while (pos < n) {
        int eol = pos;
        int acc = 0;
        while (b[eol] != '\n') {
          acc |= b[eol];
          eol++;
        }
        if (eol == pos) {
          if (fields == 0 || !endStanza(pos)) {
            return Optional.empty();
          }
          stanzaStart = pos + 1;
        } else {
          nonAscii |= acc < 0;
          if (!line(pos, eol)) {
            return Optional.empty();
          }
        }
        pos = eol + 1;
      }
      if (fields == 0 || !endStanza(n)) {
        return Optional.empty();
      }
      return Optional.of(new IndexScan(starts, ends, names, size));
    }

    private boolean line(int pos, int eol) {
      byte first = b[pos];
      if (first == '#' || !cleanEnd(pos, eol)) {
        return false;
      }
      if (first == ' ' || first == '\t') {
        return fields > 0 && !identityLine;
      }
      identityLine = false;
      int colon = pos;
      while (colon < eol && b[colon] != ':') {
        byte c = b[colon];
        if (c <= ' ' || c > '~') {
          return false;
        }
        colon++;
      }
      if (colon == eol || colon == pos || first == '-') {
        return false;
      }
      if (colon + 1 < eol && (b[colon + 1] != ' ' || !cleanStart(colon + 2, eol))) {
        return false;
      }
      long hash = 1125899906842597L;
      for (int i = pos; i < colon; i++) {
        hash = 31 * hash + lower(b[i]);
      }
      for (int i = 0; i < fields; i++) {
        if (fieldHashes[i] == hash) {
          return false; // a repeated field, or a hash collision: either way, not for splicing
        }
      }
      if (fields == fieldHashes.length) {
        return false;
      }
      fieldHashes[fields++] = hash;
      int which = identityField(pos, colon);
      if (which >= 0) {
        if (colon + 1 == eol) {
          return false;
        }
        identity[which] = new String(b, colon + 2, eol - colon - 2, StandardCharsets.UTF_8);
        identityLine = true;
      }
      return true;
    }

    /** Which identity field the name at {@code pos} is, or -1. */
    private int identityField(int pos, int colon) {
      for (int which = 0; which < IDENTITY.length; which++) {
        byte[] field = IDENTITY[which];
        if (field.length == colon - pos && sameLetters(field, pos)) {
          return which;
        }
      }
      return -1;
    }

    /** Whether the field name at {@code pos} is {@code field} (lower case), ignoring case. */
    private boolean sameLetters(byte[] field, int pos) {
      for (int i = 0; i < field.length; i++) {
        if (lower(b[pos + i]) != field[i]) {
          return false;
        }
      }
      return true;
    }

    /** An ASCII byte in lower case (field names are printable ASCII). */
    private static int lower(byte c) {
      return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private boolean endStanza(int end) {
      if (nonAscii && !validUtf8(stanzaStart, end)) {
        return false;
      }
      for (String field : identity) {
        if (field == null) {
          return false;
        }
      }
      String name = identity[0];
      if (size > 0) {
        int order = names[size - 1].compareTo(name);
        if (order > 0 || (order == 0 && !inOrder(end))) {
          return false;
        }
      }
      try {
        DebianVersion.parse(identity[1]);
      } catch (IllegalArgumentException e) {
        return false;
      }
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
        names = Arrays.copyOf(names, size * 2);
      }
      starts[size] = stanzaStart;
      ends[size] = end;
      names[size] = name;
      size++;
      fields = 0;
      nonAscii = false;
      identityLine = false;
      Arrays.fill(identity, null);
      return true;
    }

    /** Whether this stanza sorts after the previous one, whose name it shares. */
    private boolean inOrder(int end) {
      try {
        IndexEntry before = entry(starts[size - 1], ends[size - 1]);
        return IndexEntry.ORDER.compare(before, entry(stanzaStart, end)) <= 0;
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    private IndexEntry entry(int start, int end) throws IOException {
      return PackagesIndex.parse(Arrays.copyOfRange(b, start, end), "index").get(0);
    }

    /** Whether the line does not end in a blank (which parsing would strip). */
    private boolean cleanEnd(int pos, int eol) {
      byte last = b[eol - 1];
      if (last >= 0) {
        return last > ' ';
      }
      int lead = eol - 1;
      while (lead > pos && (b[lead] & 0xC0) == 0x80) {
        lead--;
      }
      String tail = new String(b, lead, eol - lead, StandardCharsets.UTF_8);
      return !Character.isWhitespace(tail.codePointBefore(tail.length()));
    }

    /** Whether a value starting at {@code pos} does not start with a blank. */
    private boolean cleanStart(int pos, int eol) {
      if (pos >= eol) {
        return false;
      }
      byte c = b[pos];
      if (c >= 0) {
        return c > ' ';
      }
      String head = new String(b, pos, Math.min(4, eol - pos), StandardCharsets.UTF_8);
      return !Character.isWhitespace(head.codePointAt(0));
    }

    private boolean validUtf8(int start, int end) {
      byte[] slice = Arrays.copyOfRange(b, start, end);
      return Arrays.equals(
          new String(slice, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), slice);
    }
  }
}
