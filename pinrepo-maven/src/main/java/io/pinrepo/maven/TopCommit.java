package io.pinrepo.maven;

import io.pinrepo.commit.DerivedFiles;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.Settlement;
import io.pinrepo.commit.Top;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Replaces one mutable top (a {@code maven-metadata.xml} or the prefix file) conditionally on the
 * version read, retrying on a lost race (steps 2, 3, 5 and 6 of the publish protocol), then settles
 * its sidecars: those of the new version, or, when nothing changed, those a crashed or outrun
 * publisher left stale.
 */
final class TopCommit {

  /** Computes a top's successor from its current bytes (empty when it does not exist). */
  @FunctionalInterface
  interface Change {
    /** The successor, or empty when the top stays as it is. */
    Optional<byte[]> apply(Top current) throws IOException;
  }

  /**
   * How one update ended.
   *
   * @param written whether the top was replaced
   * @param sidecars how its sidecars ended
   */
  record Outcome(boolean written, Settlement sidecars) {}

  private final Storage storage;
  private final OptimisticCommit commit;
  private final Sidecars sidecars;

  TopCommit(Storage storage, OptimisticCommit commit) {
    this.storage = storage;
    this.commit = commit;
    this.sidecars = new Sidecars(storage);
  }

  /** Applies {@code change} to the top under {@code key} until it sticks, then settles. */
  Outcome update(ObjectKey key, Change change) throws IOException {
    OptimisticCommit.Operation operation = commit.start(key.value());
    Attempted done = operation.commit(() -> attempt(key, change));
    Settlement settled =
        done.derived().isPresent()
            ? operation.settle(storage, done.derived().get())
            : Settlement.CURRENT;
    return new Outcome(done.written(), settled);
  }

  private Attempted attempt(ObjectKey key, Change change) throws IOException {
    // Read before the top, so the sidecar writes after it lose to any newer publisher's.
    Sidecars.Seen seen = sidecars.seen(key);
    Top top = Top.read(storage, key, Sidecars.MAX_TOP_BYTES);
    Optional<byte[]> next = change.apply(top);
    if (next.isEmpty() || (top.exists() && Arrays.equals(next.get(), top.bytes()))) {
      Optional<DerivedFiles> repair =
          top.versionToken().map(token -> seen.stale(token, top.bytes()));
      return new Attempted(false, repair);
    }
    ObjectInfo info = top.replace(storage, next.get());
    return new Attempted(true, Optional.of(seen.all(info.versionToken(), next.get())));
  }

  /** Whether the top was replaced, and the sidecars to settle after. */
  private record Attempted(boolean written, Optional<DerivedFiles> derived) {}
}
