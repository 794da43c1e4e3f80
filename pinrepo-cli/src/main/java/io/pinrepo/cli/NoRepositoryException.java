package io.pinrepo.cli;

import java.io.IOException;

/**
 * A command that only reads found no repository where {@code --repo} points: no such directory or
 * bucket, or nothing any installed format recognises. It created nothing there.
 */
final class NoRepositoryException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param location the repository as the user named it
   * @param why what was found instead, in a few words
   */
  NoRepositoryException(String location, String why) {
    super("no repository at " + location + " (" + why + ")");
  }
}
