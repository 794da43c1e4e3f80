package io.pinrepo.replication;

import io.pinrepo.commit.Blobs;
import io.pinrepo.commit.DerivedFiles;
import io.pinrepo.commit.ObjectVersions;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.commit.Top;
import io.pinrepo.format.LiveObject;
import io.pinrepo.format.LiveObject.Role;
import io.pinrepo.format.MergedTop;
import io.pinrepo.format.ScopedFormat;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.DirectoryKeys;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The last step of a round: reads each top of the source with its version token and writes it to
 * the target only if the token is still the one statted before the mark, so that the top written is
 * exactly the version whose objects were copied. A plain top replaces the target's conditionally on
 * the version this run knows; a shared top of a scoped copy is merged into the target's and
 * committed as a publisher would, retried on a lost race, its derived files settled after it.
 */
final class TopWriter {
  /** The largest top read: PyPI's pages are bounded by 64 MiB, Release files by 16 MiB. */
  static final int MAX_TOP_BYTES = 64 << 20;

  private final Storage source;
  private final Storage target;
  private final TargetObjects targetObjects;
  private final Tally tally;
  private final boolean dryRun;
  private final RetryPolicy retryPolicy;
  private final Optional<Scope> scope;

  TopWriter(
      Storage source,
      Storage target,
      TargetObjects targetObjects,
      Tally tally,
      Replicator.Settings settings) {
    this.source = source;
    this.target = target;
    this.targetObjects = targetObjects;
    this.tally = tally;
    this.dryRun = settings.dryRun();
    this.retryPolicy = settings.retryPolicy();
    this.scope = settings.scope();
  }

  /**
   * Writes the tops of {@code mark} deepest first, each only if it did not move since {@code
   * statted}, and stops at the first that moved or was not statted before the mark: a top names
   * only deeper tops, so the tops written are always complete with every top they name.
   *
   * @return the tops left for the next round: the first that moved and every one after it
   */
  Set<ObjectKey> write(SourceMark mark, Map<ObjectKey, Optional<String>> statted)
      throws IOException {
    Set<ObjectKey> pending = new TreeSet<>();
    for (LiveObject top : mark.withRole(Role.TOP)) {
      ObjectKey key = top.key();
      tally.seen(key);
      if (!pending.isEmpty()) {
        pending.add(key);
        continue;
      }
      Optional<String> before = statted.get(key);
      if (before == null && !dryRun) {
        pending.add(key);
        continue;
      }
      Top now = Top.read(source, key, MAX_TOP_BYTES);
      if (before != null && !now.versionToken().equals(before)) {
        pending.add(key);
      } else if (mark.merger(key).isPresent()) {
        merge(mark.merger(key).get(), key, now.bytes());
      } else if (now.exists()) {
        replace(key, now.bytes());
      }
    }
    return pending;
  }

  private void replace(ObjectKey key, byte[] bytes) throws IOException {
    String sha256 = Digests.of(bytes).sha256();
    if (targetObjects.holds(key, bytes.length, sha256)) {
      return;
    }
    if (!dryRun) {
      try {
        ObjectInfo written =
            target.write(key, ContentSource.ofBytes(bytes), targetObjects.conditionFor(key));
        targetObjects.wrote(written, Optional.of(sha256));
      } catch (PreconditionFailedException e) {
        throw new ReplicationConflictException(
            target
                + ": "
                + key
                + " changed in the target since this run read it (another replicator or a"
                + " publisher writes there)",
            e);
      }
    }
    tally.copied(key, Role.TOP, bytes.length);
  }

  /** What the winning attempt of a merge saw and did. */
  private record Merged(
      MergedTop merged, ObjectVersions derivedBefore, String token, boolean written) {}

  private void merge(ScopedFormat format, ObjectKey key, byte[] sourceBytes) throws IOException {
    String name = scope.orElseThrow().name();
    OptimisticCommit.Operation operation =
        new OptimisticCommit(retryPolicy).start(target + " " + key);
    Optional<Merged> done =
        operation.commit(
            () -> {
              Top there = Top.read(target, key, MAX_TOP_BYTES);
              Optional<byte[]> current =
                  there.exists() ? Optional.of(there.bytes()) : Optional.empty();
              Optional<MergedTop> merged = format.merge(name, key, sourceBytes, current);
              if (merged.isEmpty()) {
                return Optional.<Merged>empty();
              }
              ObjectVersions before = ObjectVersions.read(target, storable(merged.get()));
              if (there.exists() && Arrays.equals(merged.get().top(), there.bytes())) {
                return Optional.of(
                    new Merged(merged.get(), before, there.versionToken().orElseThrow(), false));
              }
              String token = dryRun ? "" : there.replace(target, merged.get().top()).versionToken();
              return Optional.of(new Merged(merged.get(), before, token, true));
            });
    if (done.isEmpty()) {
      return;
    }
    if (done.get().written()) {
      tally.copied(key, Role.TOP, done.get().merged().top().length);
    }
    settle(operation, key, done.get());
  }

  /** The derived files of {@code merged} the target can hold: directory keys only where it can. */
  private Set<ObjectKey> storable(MergedTop merged) {
    Set<ObjectKey> keys = new TreeSet<>();
    for (ObjectKey key : merged.derived().keySet()) {
      if (!key.isDirectory() || DirectoryKeys.supported(target)) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** Writes the merged top's derived files that differ in the target, after its commit. */
  private void settle(OptimisticCommit.Operation operation, ObjectKey key, Merged done)
      throws IOException {
    SortedMap<ObjectKey, byte[]> stale = new TreeMap<>();
    for (Map.Entry<ObjectKey, byte[]> file : done.merged().derived().entrySet()) {
      if (file.getKey().isDirectory() && !DirectoryKeys.supported(target)) {
        continue;
      }
      if (!Blobs.matches(target, file.getKey(), Digests.of(file.getValue()))) {
        stale.put(file.getKey(), file.getValue());
        tally.copied(file.getKey(), Role.DERIVED, file.getValue().length);
      } else {
        tally.seen(file.getKey());
      }
    }
    if (!dryRun && !stale.isEmpty()) {
      operation.settle(
          target, DerivedFiles.ofBytes(key, done.token(), stale, done.derivedBefore()));
    }
  }
}
