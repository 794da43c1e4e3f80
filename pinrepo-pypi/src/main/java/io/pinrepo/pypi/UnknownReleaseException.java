package io.pinrepo.pypi;

import io.pinrepo.PinrepoException;

/** A yank, unyank or delete named a project or version that the repository does not list. */
public class UnknownReleaseException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  /** With a one-line message naming the project and version. */
  public UnknownReleaseException(String message) {
    super(message);
  }
}
