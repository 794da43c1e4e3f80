package io.pinrepo.maven;

import io.pinrepo.maven.metadata.PrefixFile;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Adds a groupId to {@code .meta/prefixes.txt} before any of its files exist, so the file never
 * hides what the repository holds. When the file does not exist yet, it is first made complete from
 * one listing of the repository (each top-level directory becomes an entry).
 */
final class PrefixFileUpdate {
  private final Storage storage;
  private final TopCommit tops;

  PrefixFileUpdate(Storage storage, TopCommit tops) {
    this.storage = storage;
    this.tops = tops;
  }

  /** Adds {@code groupId}'s entry unless the file covers it already. */
  TopCommit.Outcome add(String groupId) throws IOException {
    String entry = PrefixFile.entryFor(groupId);
    return tops.update(
        Layout.PREFIX_FILE,
        top -> {
          PrefixFile current =
              top.exists()
                  ? PrefixFile.parse(Layout.PREFIX_FILE.value(), top.bytes())
                  : fromListing();
          PrefixFile next = current.with(entry);
          return top.exists() && next.equals(current)
              ? Optional.empty()
              : Optional.of(next.toBytes());
        });
  }

  private PrefixFile fromListing() throws IOException {
    TreeSet<String> entries = new TreeSet<>();
    try (ObjectListing listing = storage.list("")) {
      while (listing.hasNext()) {
        String key = listing.next().key().value();
        int slash = key.indexOf('/');
        if (slash > 0 && !key.startsWith(".")) {
          entries.add("/" + key.substring(0, slash));
        }
      }
    }
    return PrefixFile.of(entries);
  }
}
