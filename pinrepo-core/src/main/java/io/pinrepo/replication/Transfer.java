package io.pinrepo.replication;

import io.pinrepo.format.LiveObject;
import io.pinrepo.spi.ObjectKey;
import java.util.Objects;

/**
 * One object a replication copied to the target or deleted from it (or, in a dry run, would have),
 * as reported to a run's progress listener.
 *
 * @param key the object
 * @param role its role in the source ({@link LiveObject.Role#BLOB} for a deleted object)
 * @param action what was done
 * @param bytes its size, or -1 when not known (a dry run of a blob no index gives a size for)
 */
public record Transfer(ObjectKey key, LiveObject.Role role, Action action, long bytes) {

  /** What was done to the object. */
  public enum Action {
    /** Written to the target. */
    COPY,
    /** Deleted from the target: nothing reaches it and its grace period is over. */
    DELETE
  }

  /** Rejects nulls. */
  public Transfer {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(action, "action");
  }
}
