package io.pinrepo.spi;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Optional power of a {@link Storage}: write many new objects and make them durable together, for a
 * store where one write's own flush is most of what it costs. A filesystem flushes a file and its
 * directory per write; 10,000 new pool files are 20,000 flushes, where one flush of the whole
 * filesystem after staging them, and one after naming them, do the same work.
 *
 * <p>A decorator that forwards to a storage with this power ({@link ForwardingStorage}) hides it
 * unless it implements it itself, as it does every optional power.
 */
public interface GroupWrites {

  /**
   * Writes each content under its key where no object is, as {@link Storage#write} with {@link
   * WriteCondition#mustBeAbsent()} would, and returns once every object it wrote is durable. Each
   * object appears whole, as with {@code write}; it may be seen before this returns. If this fails
   * or the process ends before it returns, an object it wrote may be there afterwards or not, and
   * one that is there is whole.
   *
   * @return the keys written now; a key that already held an object keeps it and is not among them
   */
  Set<ObjectKey> writeAbsent(Map<ObjectKey, ContentSource> contents) throws IOException;
}
