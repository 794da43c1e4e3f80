package io.pinrepo.spi;

/**
 * A backend was asked for a conditional write it cannot make atomic. Repositories that need
 * compare-and-swap refuse such a backend rather than fake it with check-then-write.
 */
public class UnsupportedConditionException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** With a message naming the backend and the condition. */
  public UnsupportedConditionException(String message) {
    super(message);
  }
}
