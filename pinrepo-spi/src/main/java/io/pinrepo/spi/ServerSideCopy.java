package io.pinrepo.spi;

import java.io.IOException;

/**
 * Optional power of a {@link Storage}: copy an object without moving its bytes through the caller.
 */
public interface ServerSideCopy {

  /**
   * Copies the object under {@code source} in this storage to {@code target} in {@code
   * destination}, if {@code condition} holds there.
   *
   * @return the copy's info
   * @throws ObjectNotFoundException when {@code source} does not exist
   * @throws PreconditionFailedException when {@code condition} does not hold at the target
   */
  ObjectInfo copy(ObjectKey source, Storage destination, ObjectKey target, WriteCondition condition)
      throws IOException;

  /** Whether {@link #copy} can reach {@code destination} server-side. */
  boolean canCopyTo(Storage destination);
}
