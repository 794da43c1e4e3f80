package io.pinrepo.build;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.pointer.PointerChange;
import io.pinrepo.build.pointer.PointerJson;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerState;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.Optional;

/** Writes and walks a pointer's history entries; see {@link Pointers} for the protocol. */
final class PointerHistory {
  private PointerHistory() {}

  /** Receives changes newest first; returns whether to go on. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(PointerChange change) throws IOException;
  }

  /**
   * Writes {@code bytes}, the pointer object as change {@code seq} wrote it, as history entry
   * {@code seq} unless that entry exists (it can only hold the same bytes). With {@code
   * probablyThere}, a stat comes first: cheaper than a conditional write that fails.
   */
  static void ensureEntry(
      Storage storage,
      BuildName name,
      PointerName pointer,
      long seq,
      byte[] bytes,
      boolean probablyThere)
      throws IOException {
    ObjectKey key = BuildLayout.historyEntry(name, pointer, seq);
    if (probablyThere && storage.stat(key).isPresent()) {
      return;
    }
    try {
      storage.write(key, ContentSource.ofBytes(bytes), WriteCondition.mustBeAbsent());
    } catch (PreconditionFailedException e) {
      // Written meanwhile by the next setter, from the same pointer object.
    }
  }

  /**
   * Visits the changes of the pointer read as {@code current}, newest first: the current change,
   * then the entries older than it (a newer entry, written after {@code current} was read, is left
   * out so the walk is one consistent history).
   */
  static void walk(Storage storage, Optional<PointerState> current, Visitor visitor)
      throws IOException {
    if (current.isEmpty() || !visitor.visit(current.get().lastChange())) {
      return;
    }
    BuildName name = current.get().name();
    PointerName pointer = current.get().pointer();
    long top = current.get().seq();
    try (ObjectListing listing = storage.list(BuildLayout.historyPrefix(name, pointer))) {
      while (listing.hasNext()) {
        ObjectInfo info = listing.next();
        Optional<BuildLayout.Key> key = BuildLayout.parse(info.key());
        if (key.isEmpty() || !(key.get() instanceof BuildLayout.HistoryKey h) || h.seq() >= top) {
          continue;
        }
        Optional<PointerChange> change = read(storage, name, pointer, h);
        if (change.isPresent() && !visitor.visit(change.get())) {
          return;
        }
      }
    }
  }

  private static Optional<PointerChange> read(
      Storage storage, BuildName name, PointerName pointer, BuildLayout.HistoryKey h)
      throws IOException {
    ObjectKey key = BuildLayout.historyEntry(name, pointer, h.seq());
    byte[] bytes;
    try (ObjectStream in = storage.read(key)) {
      bytes = in.readNBytes(PointerJson.MAX_BYTES + 1);
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
    if (bytes.length > PointerJson.MAX_BYTES) {
      throw new MalformedPackageException(
          key.value(), "over the " + PointerJson.MAX_BYTES + " bytes allowed");
    }
    PointerChange change = PointerJson.parse(bytes, name, pointer, key.value());
    if (change.seq() != h.seq()) {
      throw new MalformedPackageException(
          key.value(), "holds change " + change.seq() + ", not " + h.seq());
    }
    return Optional.of(change);
  }
}
