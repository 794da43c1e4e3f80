package io.pinrepo.replication;

import io.pinrepo.format.LiveObject;
import io.pinrepo.hash.Digests;
import io.pinrepo.parallel.Parallel;
import io.pinrepo.spi.DirectoryKeys;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.ServerSideCopy;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Copies the blobs and the derived files of one mark to the target, on a bounded pool: a blob only
 * where the target has none under its key, a derived file only where the target's differs, each
 * written conditionally on the target's version as this run knows it.
 */
final class Copier {
  private static final int DERIVED_ATTEMPTS = 3;

  private final Storage source;
  private final Storage target;
  private final TargetObjects targetObjects;
  private final ExecutorService pool;
  private final Tally tally;
  private final boolean dryRun;

  Copier(
      Storage source,
      Storage target,
      TargetObjects targetObjects,
      ExecutorService pool,
      Tally tally,
      boolean dryRun) {
    this.source = source;
    this.target = target;
    this.targetObjects = targetObjects;
    this.pool = pool;
    this.tally = tally;
    this.dryRun = dryRun;
  }

  /**
   * Copies every blob the target lacks.
   *
   * @return the blobs missing from the source: the source moved, or it is broken
   */
  Set<ObjectKey> blobs(List<LiveObject> blobs) throws IOException {
    Set<ObjectKey> missing = ConcurrentHashMap.newKeySet();
    Parallel.forEach(
        pool,
        blobs,
        blob -> {
          if (!blob(blob)) {
            missing.add(blob.key());
          }
        });
    return missing;
  }

  /** Copies every derived file whose content differs in the target. */
  void derived(List<LiveObject> derived) throws IOException {
    Parallel.forEach(pool, derived, this::derived);
  }

  /** Copies one blob unless the target holds it; false when the source does not. */
  private boolean blob(LiveObject blob) throws IOException {
    ObjectKey key = blob.key();
    tally.seen(key);
    Optional<ObjectInfo> there = targetObjects.info(key);
    if (there.isPresent()) {
      requireSameSize(key, blob.size(), there.get());
      return true;
    }
    try {
      if (dryRun) {
        long size = blob.size().isPresent() ? blob.size().getAsLong() : sourceSize(key);
        if (size >= 0) {
          tally.copied(key, blob.role(), size);
        }
        return size >= 0;
      }
      ObjectInfo written = write(blob);
      targetObjects.wrote(written, blob.sha256());
      tally.copied(key, blob.role(), written.size());
      return true;
    } catch (ObjectNotFoundException e) {
      return false;
    } catch (PreconditionFailedException e) {
      // Written by another writer since the listing: the same blob, if the sizes agree.
      Optional<ObjectInfo> now = target.stat(key);
      if (now.isEmpty()) {
        throw conflict(key, "was deleted from the target during the copy", e);
      }
      requireSameSize(key, blob.size(), now.get());
      targetObjects.wrote(now.get(), Optional.empty());
      return true;
    }
  }

  private ObjectInfo write(LiveObject blob) throws IOException {
    ObjectKey key = blob.key();
    if (source instanceof ServerSideCopy copy && copy.canCopyTo(target)) {
      return copy.copy(key, target, key, WriteCondition.mustBeAbsent());
    }
    OptionalLong size = blob.size();
    if (size.isEmpty()) {
      long stat = sourceSize(key);
      if (stat < 0) {
        throw new ObjectNotFoundException(key);
      }
      size = OptionalLong.of(stat);
    }
    try {
      return target.write(
          key,
          new SourceContent(source, key, size, blob.sha256(), Optional.empty()),
          WriteCondition.mustBeAbsent());
    } catch (PreconditionFailedException e) {
      throw e;
    } catch (IOException e) {
      // A backend may wrap what the source's stream threw: tell a vanished blob by looking.
      if (source.stat(key).isEmpty()) {
        ObjectNotFoundException gone = new ObjectNotFoundException(key);
        gone.addSuppressed(e);
        throw gone;
      }
      throw e;
    }
  }

  private long sourceSize(ObjectKey key) throws IOException {
    return source.stat(key).map(ObjectInfo::size).orElse(-1L);
  }

  /**
   * Copies one derived file if its content differs; a file absent in the source is left alone. A
   * directory key ({@code simple/foo/}) is left out on a target that does not hold directory keys,
   * and read from the {@code index.html} under it on a source that does not: a directory key holds
   * what a web server would serve for it.
   */
  private void derived(LiveObject derived) throws IOException {
    ObjectKey key = derived.key();
    if (key.isDirectory() && !DirectoryKeys.supported(target)) {
      return;
    }
    ObjectKey from =
        key.isDirectory() && !DirectoryKeys.supported(source) ? key.resolve("index.html") : key;
    tally.seen(key);
    for (int attempt = 1; ; attempt++) {
      String version;
      Digests digests;
      try (ObjectStream in = source.read(from)) {
        version = in.info().versionToken();
        digests = Digests.of(in);
      } catch (ObjectNotFoundException e) {
        return; // not settled in the source (yet): nothing to copy
      }
      if (targetObjects.holds(key, digests.size(), digests.sha256())) {
        return;
      }
      if (dryRun) {
        tally.copied(key, derived.role(), digests.size());
        return;
      }
      try {
        ObjectInfo written =
            target.write(
                key,
                new SourceContent(
                    source,
                    from,
                    OptionalLong.of(digests.size()),
                    Optional.of(digests.sha256()),
                    Optional.of(version)),
                targetObjects.conditionFor(key));
        targetObjects.wrote(written, Optional.of(digests.sha256()));
        tally.copied(key, derived.role(), written.size());
        return;
      } catch (PreconditionFailedException e) {
        throw conflict(key, "changed in the target since this run read it", e);
      } catch (IOException e) {
        // The source's file changed or went since it was digested (a backend may wrap that).
        boolean moved =
            !source.stat(from).map(ObjectInfo::versionToken).equals(Optional.of(version));
        if (!moved) {
          throw e;
        }
        if (attempt == DERIVED_ATTEMPTS) {
          return; // a publisher keeps settling it: the next round or run copies it
        }
      }
    }
  }

  private void requireSameSize(ObjectKey key, OptionalLong size, ObjectInfo there)
      throws ReplicationConflictException {
    if (size.isPresent() && size.getAsLong() != there.size()) {
      throw conflict(
          key,
          "is "
              + there.size()
              + " bytes in the target, but the source's index lists "
              + size.getAsLong()
              + ": the target holds another file under that name",
          null);
    }
  }

  private ReplicationConflictException conflict(ObjectKey key, String problem, Throwable cause) {
    return new ReplicationConflictException(
        target + ": " + key + " " + problem + " (another replicator or a publisher writes there)",
        cause);
  }
}
