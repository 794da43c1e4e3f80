package io.pinrepo.build;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.format.Retention;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A name's listing: its markers, newest first (see {@link BuildLayout}). Pages are read from the
 * markers alone; the retention drops builds from it by deleting their markers.
 */
final class Listing {

  /** Oldest first: by publish time, then by version text. */
  static final Comparator<BuildRef> ORDER =
      Comparator.comparing(BuildRef::time).thenComparing(BuildRef::version);

  private final Storage storage;

  Listing(Storage storage) {
    this.storage = storage;
  }

  /** Up to {@code limit} builds of {@code name} after the cursor {@code after}, newest first. */
  BuildPage page(BuildName name, int limit, Optional<String> after) throws IOException {
    String prefix = BuildLayout.markerPrefix(name);
    List<BuildRef> builds = new ArrayList<>();
    String last = null;
    try (ObjectListing listing = storage.list(prefix)) {
      while (listing.hasNext()) {
        ObjectInfo info = listing.next();
        String cursor = info.key().value().substring(prefix.length());
        if (after.isPresent() && cursor.compareTo(after.get()) <= 0) {
          continue;
        }
        Optional<BuildLayout.Key> key = BuildLayout.parse(info.key());
        if (key.isEmpty() || !(key.get() instanceof BuildLayout.MarkerKey marker)) {
          continue;
        }
        if (builds.size() == limit) {
          return new BuildPage(builds, Optional.of(last));
        }
        builds.add(marker.ref());
        last = cursor;
      }
    }
    return new BuildPage(builds, Optional.empty());
  }

  /**
   * Drops from {@code published}'s name the builds {@code retention} does not keep, by deleting
   * their markers; returns them. Keeping every build costs nothing; otherwise one listing of the
   * name's markers, which the retention keeps short, and one delete per build dropped. The builds
   * stay complete until GC, which removes those no pointer names.
   */
  List<BuildRef> applyRetention(Retention retention, BuildRef published) throws IOException {
    if (retention.equals(Retention.keepAll())) {
      return List.of();
    }
    List<BuildRef> listed = new ArrayList<>();
    try (ObjectListing listing = storage.list(BuildLayout.markerPrefix(published.buildName()))) {
      while (listing.hasNext()) {
        BuildLayout.parse(listing.next().key())
            .filter(k -> k instanceof BuildLayout.MarkerKey)
            .ifPresent(k -> listed.add(((BuildLayout.MarkerKey) k).ref()));
      }
    }
    if (!listed.contains(published)) {
      listed.add(published); // dropped meanwhile by a concurrent publisher's retention
    }
    List<BuildRef> dropped = retention.dropped(listed, published, ORDER);
    for (BuildRef ref : dropped) {
      storage.delete(
          BuildLayout.marker(ref.buildName(), ref.time(), ref.buildVersion()),
          WriteCondition.none());
    }
    return dropped;
  }
}
