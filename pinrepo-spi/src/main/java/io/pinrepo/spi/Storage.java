package io.pinrepo.spi;

import java.io.IOException;
import java.util.Optional;

/**
 * Where a repository's bytes live: a flat namespace of immutable-per-version objects, the one SPI
 * every backend (filesystem, memory, S3) implements.
 *
 * <p>The API is deliberately small: five operations that every object store can offer, with the
 * semantics spelled out here so that publishers can rely on them identically everywhere. Optional
 * powers are separate interfaces ({@link PresignedUrls}, {@link ServerSideCopy}, {@link
 * DirectoryKeys}) checked with {@code instanceof}; a storage without {@link DirectoryKeys} refuses
 * a directory key ({@code a/b/}) with {@link IllegalArgumentException}. It does not do directories,
 * appends, partial overwrites or metadata beyond {@link ObjectInfo}.
 *
 * <p>Implementations are safe for concurrent use by many threads. A write is atomic: readers see
 * the previous version or the new one in full, never a partial object, and a write that fails
 * leaves nothing behind under its key.
 */
public interface Storage extends AutoCloseable {

  /**
   * Describes the object under {@code key}.
   *
   * @return the object's current version, or empty when there is none
   */
  Optional<ObjectInfo> stat(ObjectKey key) throws IOException;

  /**
   * Opens a read of {@code range} of the object under {@code key}. The returned stream's {@link
   * ObjectStream#info()} describes the version whose bytes it yields, even if the object is
   * replaced while it is read. The caller closes the stream.
   *
   * @throws ObjectNotFoundException when there is no object under {@code key}
   */
  ObjectStream read(ObjectKey key, ByteRange range) throws IOException;

  /**
   * Writes {@code content} under {@code key} if {@code condition} holds, atomically. The content
   * source may be opened more than once; each stream opened is closed here.
   *
   * @return the new version's info
   * @throws PreconditionFailedException when {@code condition} does not hold; nothing is written
   * @throws UnsupportedConditionException when this backend cannot check {@code condition}
   *     atomically (it never falls back to check-then-write)
   */
  ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException;

  /**
   * Deletes the object under {@code key} if {@code condition} holds. Deleting a missing object with
   * {@link WriteCondition#none()} is a no-op.
   *
   * @throws PreconditionFailedException when {@code condition} does not hold
   * @throws UnsupportedConditionException when this backend cannot check {@code condition}
   *     atomically
   */
  void delete(ObjectKey key, WriteCondition condition) throws IOException;

  /**
   * Lists the objects whose keys start with {@code prefix} (a plain string prefix: {@code "a/b"}
   * matches {@code a/b/c} and {@code a/bc}), in ascending lexicographic order of their keys (UTF-16
   * order, which equals UTF-8 byte order for keys outside the surrogate range), fetching lazily
   * page by page. Objects written or deleted during the listing may or may not appear. The caller
   * closes the listing.
   */
  ObjectListing list(String prefix) throws IOException;

  /** Reads the whole object; see {@link #read(ObjectKey, ByteRange)}. */
  default ObjectStream read(ObjectKey key) throws IOException {
    return read(key, ByteRange.ALL);
  }

  /** Releases what the backend holds (clients, thread pools); the default does nothing. */
  @Override
  default void close() throws IOException {}
}
