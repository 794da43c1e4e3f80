package io.pinrepo.commit;

import java.io.IOException;

/**
 * An optimistic commit lost the race on every attempt its {@link RetryPolicy} allowed. Nothing this
 * commit would have changed is visible; blobs it uploaded stay for GC.
 */
public class CommitConflictException extends IOException {
  private static final long serialVersionUID = 1L;

  /** With a message naming what was being committed and how many attempts were made. */
  public CommitConflictException(String message, Throwable lastConflict) {
    super(message, lastConflict);
  }
}
