package io.pinrepo.spi;

import java.io.IOException;

/**
 * What a {@link Storage} reports beyond plain I/O failure: the base of the SPI's typed exceptions
 * ({@link ObjectNotFoundException}, {@link PreconditionFailedException}, {@link
 * UnsupportedConditionException}). Catch the subclass you branch on; this type exists so that all
 * of them can be told from a network or disk error in one {@code catch}.
 */
public abstract class StorageException extends IOException {
  private static final long serialVersionUID = 1L;

  /** With a one-line message. */
  protected StorageException(String message) {
    super(message);
  }

  /** With a one-line message and the backend's cause. */
  protected StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
