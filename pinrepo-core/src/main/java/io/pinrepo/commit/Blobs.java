package io.pinrepo.commit;

import io.pinrepo.ImmutableObjectException;
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
   * @throws ImmutableObjectException when other bytes are under {@code key}
   */
  public static Outcome put(Storage storage, ObjectKey key, ContentSource content, Digests expected)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        storage.write(key, content, WriteCondition.mustBeAbsent());
        return Outcome.WRITTEN;
      } catch (PreconditionFailedException e) {
        Digests existing;
        try {
          existing = digestsOf(storage, key);
        } catch (ObjectNotFoundException gone) {
          if (attempt < 3) {
            continue; // deleted (by GC) since the write lost: write it again
          }
          gone.addSuppressed(e);
          throw gone;
        }
        if (existing.sha256().equals(expected.sha256()) && existing.size() == expected.size()) {
          return Outcome.ALREADY_PRESENT;
        }
        throw new ImmutableObjectException(
            key
                + " already exists with other content (sha256 "
                + existing.sha256()
                + ", not "
                + expected.sha256()
                + ")");
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
