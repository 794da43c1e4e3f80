package io.pinrepo.debian;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.debian.control.ControlParagraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads and writes {@code Packages} indexes: pure functions from entries to bytes and back. */
final class PackagesIndex {
  private PackagesIndex() {}

  /** The entries of an index read from {@code where}. */
  static List<IndexEntry> parse(byte[] bytes, String where) throws IOException {
    try {
      List<IndexEntry> entries = new ArrayList<>();
      for (ControlParagraph stanza :
          ControlParagraph.parseAll(new String(bytes, StandardCharsets.UTF_8), where)) {
        entries.add(IndexEntry.of(stanza));
      }
      return entries;
    } catch (MalformedPackageException e) {
      throw new IOException(where + ": not a valid Packages index: " + e.problem(), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IOException(where + ": not a valid Packages index: " + e.getMessage(), e);
    }
  }

  /** The index of {@code entries} in {@link IndexEntry#ORDER}, whatever order they come in. */
  static byte[] render(Collection<IndexEntry> entries) {
    List<IndexEntry> sorted = new ArrayList<>(entries);
    sorted.sort(IndexEntry.ORDER);
    return ControlParagraph.format(sorted.stream().map(IndexEntry::stanza).toList())
        .getBytes(StandardCharsets.UTF_8);
  }
}
