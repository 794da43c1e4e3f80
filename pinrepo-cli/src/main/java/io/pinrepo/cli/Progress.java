package io.pinrepo.cli;

import java.io.PrintWriter;

/**
 * A one-line progress counter on stderr, shown only when stderr is a terminal, so scripts and CI
 * logs stay clean.
 */
final class Progress {
  private final PrintWriter err;
  private final boolean enabled;
  private long count;
  private long lastPrint;

  private Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Progress on {@code err} if the process has a terminal. */
  static Progress onStderr(PrintWriter err) {
    return new Progress(err, System.console() != null);
  }

  /** Counts one step named {@code what}; redraws at most ten times a second. */
  void step(String what) {
    count++;
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastPrint > 100_000_000L) {
      lastPrint = now;
      String line = count + " " + what;
      err.print("\r\033[K" + (line.length() > 100 ? line.substring(0, 100) : line));
      err.flush();
    }
  }

  /** Clears the line. */
  void done() {
    if (enabled && count > 0) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
