package io.pinrepo.pypi;

import io.pinrepo.commit.Blobs;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.UnsupportedConditionException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The blobs one publish uploads (step 1 of the protocol), remembering which of them it created, so
 * that a publish refused after its uploads can take back exactly those and nothing else.
 *
 * <p>A blob is created only with {@link WriteCondition#mustBeAbsent()}; when the key is taken,
 * {@link Blobs#put} decides between "the same bytes are there" and a conflict. A blob found already
 * there belongs to whoever created it and is never deleted here. Not thread-safe: one publish uses
 * one instance.
 */
final class Uploads {

  /**
   * A blob this publish created.
   *
   * @param key where
   * @param fileName the distribution file it belongs to (its own name, or the one its {@code
   *     .metadata} describes)
   * @param token the version written
   */
  private record Created(ObjectKey key, String fileName, String token) {}

  /**
   * A blob this publish found already there with the same bytes, and relies on.
   *
   * @param key where
   * @param content its bytes, to upload again if it vanishes before the commit names it
   * @param digests their digests
   */
  private record Reused(ObjectKey key, ContentSource content, Digests digests) {}

  private final Storage storage;
  private final Clock clock;
  private final List<Created> created = new ArrayList<>();
  private final List<Reused> reused = new ArrayList<>();

  Uploads(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * Writes {@code content} under {@code key} unless the same bytes are there.
   *
   * @param fileName the distribution file the blob belongs to
   * @throws io.pinrepo.PackageConflictException when other bytes are there
   */
  void put(ObjectKey key, ContentSource content, Digests digests, String fileName)
      throws IOException {
    try {
      ObjectInfo written = storage.write(key, content, WriteCondition.mustBeAbsent());
      created.add(new Created(key, fileName, written.versionToken()));
    } catch (PreconditionFailedException taken) {
      Blobs.put(storage, key, content, digests, clock);
      reused.add(new Reused(key, content, digests));
    }
  }

  /**
   * Deletes the blobs this publish created for the files {@code ofFile} accepts, unless {@code
   * named} says that a committed index names their file (another publisher of the same bytes may
   * have committed it meanwhile). Each delete is conditional on the version this publish wrote
   * where the storage can check that; a failure to delete is added to {@code refusal} as
   * suppressed, and the blob is left for GC.
   */
  void undo(Predicate<String> ofFile, Set<String> named, Exception refusal) {
    for (Created c : created) {
      if (!ofFile.test(c.fileName()) || named.contains(c.fileName())) {
        continue;
      }
      try {
        delete(c);
      } catch (IOException | RuntimeException e) {
        refusal.addSuppressed(e);
      }
    }
  }

  private void delete(Created c) throws IOException {
    try {
      storage.delete(c.key(), WriteCondition.matches(c.token()));
    } catch (UnsupportedConditionException e) {
      // A blob is written once (every writer uses mustBeAbsent): whatever is there is ours.
      storage.delete(c.key(), WriteCondition.none());
    } catch (PreconditionFailedException e) {
      // Rewritten (refreshed) or deleted since: no longer ours alone to take back.
    }
  }

  /**
   * After the commit that names them: uploads again any blob this publish relied on that has
   * vanished meanwhile (a refused publish that created it took it back between this publish's
   * upload and its commit). Costs one stat per re-used blob; created blobs are not checked, since
   * only their creator takes them back, and only before naming them.
   */
  void restoreReused(Predicate<ObjectKey> named) throws IOException {
    for (Reused r : reused) {
      if (named.test(r.key()) && storage.stat(r.key()).isEmpty()) {
        Blobs.put(storage, r.key(), r.content(), r.digests(), clock);
      }
    }
  }
}
