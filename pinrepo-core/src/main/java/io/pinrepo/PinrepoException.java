package io.pinrepo;

import java.io.IOException;

/**
 * The base of what pinrepo refuses or gives up on, as opposed to plain I/O failure: {@link
 * MalformedPackageException} (bad input), {@link PackageConflictException} (a published name with
 * other bytes), {@link CommitConflictException} (other publishers kept winning), {@link
 * SigningKeyException}, and the formats' own subclasses. Every message is one line that names the
 * file or object concerned. The storage's own exceptions are {@link
 * io.pinrepo.spi.StorageException}s.
 */
public abstract class PinrepoException extends IOException {
  private static final long serialVersionUID = 1L;

  /** With a one-line message. */
  protected PinrepoException(String message) {
    super(message);
  }

  /** With a one-line message and its cause. */
  protected PinrepoException(String message, Throwable cause) {
    super(message, cause);
  }
}
