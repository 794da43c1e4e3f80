package io.pinrepo.debian;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code Packages} index kept as bytes for an edit that reads and changes only the stanzas of a
 * few package names: those stanzas are parsed, every other one is copied as it is. One scan finds
 * the stanzas and checks that the index is in the form {@link PackagesIndex#render} writes (see
 * {@link IndexScan}); an index in any other form is not spliced, so {@link #splice} always gives
 * byte for byte what rendering the whole edited index gives.
 */
final class PackagesSplice {
  private final byte[] bytes;
  private final IndexScan scan;
  private final Set<String> names;
  private final List<IndexEntry> selected;

  private PackagesSplice(
      byte[] bytes, IndexScan scan, Set<String> names, List<IndexEntry> selected) {
    this.bytes = bytes;
    this.scan = scan;
    this.names = Set.copyOf(names);
    this.selected = List.copyOf(selected);
  }

  /**
   * Scans {@code bytes} and parses the stanzas of {@code names}; empty when the index is not in
   * rendered form (then parse it whole).
   *
   * @param where names the index in errors
   */
  static Optional<PackagesSplice> of(byte[] bytes, Set<String> names, String where)
      throws IOException {
    return of(bytes, names, where, false);
  }

  /**
   * {@link #of(byte[], Set, String)}, trusting the form of an index this library rendered.
   *
   * @param rendered whether the Release lists the index as rendered ({@link ReleaseFile#rendered})
   */
  static Optional<PackagesSplice> of(
      byte[] bytes, Set<String> names, String where, boolean rendered) throws IOException {
    Optional<IndexScan> scan = rendered ? IndexScan.ofRendered(bytes) : Optional.empty();
    if (scan.isEmpty()) {
      scan = IndexScan.of(bytes);
    }
    if (scan.isEmpty()) {
      return Optional.empty();
    }
    List<IndexEntry> selected = new ArrayList<>();
    for (int i = 0; i < scan.get().size(); i++) {
      if (names.contains(scan.get().name(i))) {
        selected.addAll(
            PackagesIndex.parse(
                Arrays.copyOfRange(bytes, scan.get().start(i), scan.get().end(i)), where));
      }
    }
    return Optional.of(new PackagesSplice(bytes, scan.get(), names, selected));
  }

  /** The entries of the selected names, in index order. */
  List<IndexEntry> selected() {
    return selected;
  }

  /**
   * The index with the selected entries replaced by {@code entries}: what {@link
   * PackagesIndex#render} gives for the other entries and these together.
   *
   * @param entries entries whose names are all among the selected names
   */
  byte[] splice(Collection<IndexEntry> entries) {
    List<IndexEntry> sorted = new ArrayList<>(entries);
    sorted.sort(IndexEntry.ORDER);
    List<byte[]> rendered = new ArrayList<>(sorted.size());
    long size = 0;
    int stanzas = 0;
    for (IndexEntry e : sorted) {
      if (!names.contains(e.name())) {
        throw new IllegalArgumentException("not a selected package: " + e.name());
      }
      byte[] stanza = e.stanza().toString().getBytes(StandardCharsets.UTF_8);
      rendered.add(stanza);
      size += stanza.length;
      stanzas++;
    }
    for (int i = 0; i < scan.size(); i++) {
      if (!names.contains(scan.name(i))) {
        size += scan.end(i) - scan.start(i);
        stanzas++;
      }
    }
    // Sized exactly, so that the buffer is the result: at 100,000 packages a copy is 60 MB more.
    Out out = new Out(Math.toIntExact(size + Math.max(0, stanzas - 1)));
    int j = 0;
    for (int i = 0; i < scan.size(); i++) {
      String name = scan.name(i);
      if (names.contains(name)) {
        continue;
      }
      while (j < sorted.size() && sorted.get(j).name().compareTo(name) < 0) {
        out.stanza(rendered.get(j), 0, rendered.get(j).length);
        j++;
      }
      out.stanza(bytes, scan.start(i), scan.end(i) - scan.start(i));
    }
    for (; j < sorted.size(); j++) {
      out.stanza(rendered.get(j), 0, rendered.get(j).length);
    }
    return out.bytes();
  }

  /** Stanzas separated by one blank line. */
  private static final class Out extends ByteArrayOutputStream {
    Out(int size) {
      super(size);
    }

    /** What was written: the buffer itself when it is exactly full. */
    byte[] bytes() {
      return count == buf.length ? buf : toByteArray();
    }

    void stanza(byte[] b, int off, int len) {
      if (count > 0) {
        write('\n');
      }
      write(b, off, len);
    }
  }
}
