package io.pinrepo.debian.control;

import java.io.IOException;

/** Text that is not valid control syntax; the message names the line and the problem. */
public class MalformedControlException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int line;

  /**
   * @param line the 1-based line number of the problem
   * @param problem what is wrong
   */
  public MalformedControlException(int line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
  }

  /** The 1-based line number of the problem. */
  public int line() {
    return line;
  }
}
