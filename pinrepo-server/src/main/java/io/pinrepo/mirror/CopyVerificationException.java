package io.pinrepo.mirror;

import io.pinrepo.PinrepoException;
import io.pinrepo.spi.ObjectKey;

/**
 * A copy into a region did not have the bytes it should: its size or SHA-256 differs from the
 * repository's index entry (or, for an object no index records, from what the origin held when the
 * copy started). Nothing was made visible in the region. An HTTP server answers 502.
 */
public final class CopyVerificationException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  private final transient ObjectKey key;

  /** For {@code key}, with a one-line message saying what differed. */
  public CopyVerificationException(ObjectKey key, String message) {
    super(message);
    this.key = key;
  }

  /** The object whose copy failed. */
  public ObjectKey key() {
    return key;
  }
}
