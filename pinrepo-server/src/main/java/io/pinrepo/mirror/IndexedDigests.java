package io.pinrepo.mirror;

import io.pinrepo.format.LiveObject;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The size and SHA-256 the origin's indexes record for each live blob, from {@code markLive} of
 * every format present in the origin: what a copy is verified against.
 *
 * <p>Cost: a mark reads every top and the indexes they name (APT {@code Packages}, every PyPI
 * project page) and Maven lists the whole repository, so it is never taken per request. It is taken
 * for the first copy, and again only when a copy needs a key the last mark did not reach (a package
 * published since) or a digest that the copy disagreed with (a package replaced since), and then at
 * most once per {@code minInterval}; keys already in a region never cost one. Copies of keys that
 * are still unknown after a fresh mark (not live: unreferenced, or published within the interval)
 * are verified against the origin's own bytes instead. The map holds one entry per live object.
 */
final class IndexedDigests {

  /** What the last mark knew of a key: its digest when an index records one. */
  private record Snapshot(Map<ObjectKey, Optional<Expected>> live, long takenNanos) {}

  private final Storage origin;
  private final List<RepositoryFormat> formats;
  private final Duration minInterval;
  private final MirrorListener listener;
  private volatile Snapshot snapshot;

  IndexedDigests(
      Storage origin, List<RepositoryFormat> formats, Duration minInterval, MirrorListener l) {
    this.origin = origin;
    this.formats = List.copyOf(formats);
    this.minInterval = minInterval;
    this.listener = l;
  }

  /**
   * The index's digest for {@code key}, marking again first when the last mark does not know the
   * key and is older than the minimum interval; empty when no index records one.
   */
  Optional<Expected> lookup(ObjectKey key) throws IOException {
    Snapshot s = snapshot;
    if (s != null && s.live().containsKey(key)) {
      return s.live().get(key);
    }
    return refreshed(System.nanoTime() - minInterval.toNanos()).live().getOrDefault(key, none());
  }

  /**
   * The index's digest for {@code key} from a mark taken after {@code sinceNanos} (of {@link
   * System#nanoTime()}), marking again when the last one is older, unless it is younger than the
   * minimum interval.
   */
  Optional<Expected> lookupNewerThan(ObjectKey key, long sinceNanos) throws IOException {
    long limit = System.nanoTime() - minInterval.toNanos();
    long notBefore = sinceNanos - limit < 0 ? sinceNanos : limit;
    return refreshed(notBefore).live().getOrDefault(key, none());
  }

  private synchronized Snapshot refreshed(long notBeforeNanos) throws IOException {
    Snapshot s = snapshot;
    if (s != null && s.takenNanos() - notBeforeNanos > 0) {
      return s; // recent enough: taken after the point asked for, or by a caller we waited for
    }
    long start = System.nanoTime();
    Map<ObjectKey, Optional<Expected>> live = new HashMap<>();
    for (RepositoryFormat format : formats) {
      if (format.isPresent(origin)) {
        format.markLive(
            origin, object -> live.merge(object.key(), digestOf(object), IndexedDigests::known));
      }
    }
    Snapshot taken = new Snapshot(Map.copyOf(live), start);
    snapshot = taken;
    listener.digestsRefreshed(live.size(), Duration.ofNanos(System.nanoTime() - start));
    return taken;
  }

  private static Optional<Expected> digestOf(LiveObject object) {
    if (object.role() != LiveObject.Role.BLOB
        || object.size().isEmpty()
        || object.sha256().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Expected(object.size().getAsLong(), object.sha256().get(), "the repository's index"));
  }

  private static Optional<Expected> known(Optional<Expected> a, Optional<Expected> b) {
    return a.isPresent() ? a : b;
  }

  private static Optional<Expected> none() {
    return Optional.empty();
  }
}
