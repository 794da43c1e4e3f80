package io.pinrepo.commit;

import io.pinrepo.PackageConflictException;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes blobs: objects that, once under a key, never change (step 1 and 4 of the publish
 * protocol). Writing the same bytes again is a no-op; other bytes under an existing key are
 * refused.
 */
public final class Blobs {
  private Blobs() {}

  /** Whether {@link #put} wrote the blob or found it already there. */
  public enum Outcome {
    /** The blob was written now. */
    WRITTEN,
    /** The same bytes were already there. */
    ALREADY_PRESENT
  }

  /**
   * Writes {@code content}, whose digests are {@code expected}, under {@code key} unless the same
   * bytes are there already.
   *
   * @throws PackageConflictException when other bytes are under {@code key}
   */
  public static Outcome put(Storage storage, ObjectKey key, ContentSource content, Digests expected)
      throws IOException {
    return put(storage, key, content, expected, Clock.systemUTC());
  }

  /**
   * As {@link #put(Storage, ObjectKey, ContentSource, Digests)}, judging the age of an existing
   * blob by {@code clock}. A blob found already present and older than {@link #REFRESH_AFTER} is
   * rewritten with the same bytes (conditionally on the version read), so that its age restarts: GC
   * spares young blobs and deletes only on the version it listed, so a blob that a publish re-uses
   * cannot be collected between this call and the commit that names it.
   */
  public static Outcome put(
      Storage storage, ObjectKey key, ContentSource content, Digests expected, Clock clock)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        storage.write(key, content, WriteCondition.mustBeAbsent());
        return Outcome.WRITTEN;
      } catch (PreconditionFailedException e) {
        ObjectInfo info;
        Digests existing;
        try (ObjectStream in = storage.read(key)) {
          info = in.info();
          existing = Digests.of(in);
        } catch (ObjectNotFoundException gone) {
          if (attempt < 3) {
            continue; // deleted (by GC) since the write lost: write it again
          }
          gone.addSuppressed(e);
          throw gone;
        }
        if (existing.sha256().equals(expected.sha256()) && existing.size() == expected.size()) {
          if (info.lastModified().isBefore(clock.instant().minus(REFRESH_AFTER))) {
            refresh(storage, key, content, info);
          }
          return Outcome.ALREADY_PRESENT;
        }
        throw new PackageConflictException(
            key
                + " already exists with other content (sha256 "
                + existing.sha256()
                + ", not "
                + expected.sha256()
                + ")");
      }
    }
  }

  /** How old a re-used blob may be before {@link #put} refreshes it. */
  public static final Duration REFRESH_AFTER = Duration.ofHours(1);

  private static void refresh(
      Storage storage, ObjectKey key, ContentSource content, ObjectInfo info) throws IOException {
    try {
      storage.write(key, content, WriteCondition.matches(info.versionToken()));
    } catch (PreconditionFailedException e) {
      // Rewritten meanwhile (then it is fresh) or deleted by GC (then upload it again).
      if (storage.stat(key).isEmpty()) {
        try {
          storage.write(key, content, WriteCondition.mustBeAbsent());
        } catch (PreconditionFailedException raced) {
          // Another publisher uploaded it first: present and fresh.
        }
      }
    }
  }

  /** Reads the object under {@code key} to its end and digests it. */
  public static Digests digestsOf(Storage storage, ObjectKey key) throws IOException {
    try (ObjectStream in = storage.read(key)) {
      return Digests.of(in);
    }
  }

  /** Whether the object under {@code key} exists with {@code expected}'s size and SHA-256. */
  public static boolean matches(Storage storage, ObjectKey key, Digests expected)
      throws IOException {
    Optional<ObjectInfo> info = storage.stat(key);
    if (info.isEmpty() || info.get().size() != expected.size()) {
      return false;
    }
    return digestsOf(storage, key).sha256().equals(expected.sha256());
  }
}
