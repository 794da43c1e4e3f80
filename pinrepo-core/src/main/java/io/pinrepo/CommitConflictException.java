package io.pinrepo;

/**
 * An optimistic commit lost the race on every attempt its {@code RetryPolicy} allowed. Nothing this
 * commit would have changed is visible; blobs it uploaded stay for GC.
 */
public class CommitConflictException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  /** With a message naming what was being committed and how many attempts were made. */
  public CommitConflictException(String message, Throwable lastConflict) {
    super(message, lastConflict);
  }
}
