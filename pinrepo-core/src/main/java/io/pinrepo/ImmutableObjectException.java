package io.pinrepo;

import java.io.IOException;

/**
 * A file that is published once and never changes (a pool .deb, a release jar, a wheel) already
 * exists with other bytes. Publishing the same bytes again is not an error; this is.
 */
public class ImmutableObjectException extends IOException {
  private static final long serialVersionUID = 1L;

  /** With a one-line message naming the file and both hashes. */
  public ImmutableObjectException(String message) {
    super(message);
  }
}
