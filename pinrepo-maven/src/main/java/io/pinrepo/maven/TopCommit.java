package io.pinrepo.maven;

import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.Top;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces one mutable top (a {@code maven-metadata.xml} or the prefix file) conditionally on the
 * version read, retrying on a lost race (steps 2, 3, 5 and 6 of the publish protocol), then brings
 * its sidecars in line.
 */
final class TopCommit {

  /** Computes a top's successor from its current bytes (empty when it does not exist). */
  @FunctionalInterface
  interface Change {
    /** The successor, or empty when the top stays as it is. */
    Optional<byte[]> apply(Top current) throws IOException;
  }

  private final Storage storage;
  private final OptimisticCommit commit;
  private final Sidecars sidecars;

  TopCommit(Storage storage, OptimisticCommit commit) {
    this.storage = storage;
    this.commit = commit;
    this.sidecars = new Sidecars(storage);
  }

  /**
   * Applies {@code change} to the top under {@code key} until it sticks, then syncs the sidecars.
   *
   * @return whether the top was replaced
   */
  boolean update(ObjectKey key, Change change) throws IOException {
    Committed done = commit.run(key.value(), () -> attempt(key, change));
    if (done.token().isPresent()) {
      sidecars.sync(key, done.bytes(), done.token().get(), done.sidecars());
    }
    return done.written();
  }

  private Committed attempt(ObjectKey key, Change change) throws IOException {
    Top top = Top.read(storage, key, Sidecars.MAX_TOP_BYTES);
    Optional<byte[]> next = change.apply(top);
    if (next.isEmpty() || (top.exists() && Arrays.equals(next.get(), top.bytes()))) {
      return new Committed(top.bytes(), top.versionToken(), false, Map.of());
    }
    // Read before the commit, so the sidecar writes after it lose to any newer publisher's.
    Map<ObjectKey, Optional<String>> seen = sidecars.tokens(key);
    ObjectInfo info = top.replace(storage, next.get());
    return new Committed(next.get(), Optional.of(info.versionToken()), true, seen);
  }

  /** The top as committed or found, and its sidecars' tokens read before a commit (or none). */
  private record Committed(
      byte[] bytes,
      Optional<String> token,
      boolean written,
      Map<ObjectKey, Optional<String>> sidecars) {}
}
