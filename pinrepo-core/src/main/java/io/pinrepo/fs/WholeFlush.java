package io.pinrepo.fs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Flushes everything written to one filesystem at once: Linux's {@code syncfs}, which the JDK does
 * not offer, made by coreutils' {@code sync -f}. It returns only when the flush succeeded (Linux
 * reports write-back errors to {@code syncfs} since 5.8). Where the program is missing, refuses
 * {@code -f} (BSD's, BusyBox's) or fails, the caller flushes file by file, and a program that could
 * not run is not tried again.
 */
final class WholeFlush {

  private static final long TIMEOUT_MINUTES = 10;

  private volatile boolean usable = !System.getProperty("os.name", "").startsWith("Windows");

  /** Whether the filesystem holding {@code path} was flushed; false if the caller must do it. */
  boolean flush(Path path) throws IOException {
    if (!usable) {
      return false;
    }
    Process sync;
    try {
      sync =
          new ProcessBuilder("sync", "-f", path.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      usable = false; // no such program here
      return false;
    }
    try {
      if (!sync.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        sync.destroyForcibly();
        return false;
      }
    } catch (InterruptedException e) {
      sync.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while flushing " + path);
    }
    if (sync.exitValue() != 0) {
      usable = false; // no -f, or a failure the file-by-file flush will report
      return false;
    }
    return true;
  }

  /** Makes every later {@link #flush} leave the flushing to the caller: for tests of that path. */
  void disable() {
    usable = false;
  }
}
