package io.pinrepo.replication;

import io.pinrepo.PinrepoException;

/**
 * A replication found the target changed under it, or holding other bytes under a key the source
 * names: another replicator or a publisher writes to the same target. The conditional write that
 * found it changed nothing; what the run wrote before leaves the target consistent: every top
 * complete, though derived files it wrote may be ahead of their tops (as while a publisher settles)
 * until a run completes. Run again once the other writer is done, or point the writers apart.
 */
public class ReplicationConflictException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  /** With a one-line message naming the object and the target. */
  public ReplicationConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
