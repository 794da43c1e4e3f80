package io.pinrepo.fs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Flushes everything written to one filesystem at once: Linux's {@code syncfs}, which the JDK does
 * not offer, made by coreutils' {@code sync -f}, which reports write-back errors since Linux 5.8.
 * Only on Linux and on local filesystems whose {@code syncfs} writes data and journal (ext2-4, xfs,
 * btrfs, f2fs, tmpfs): a FUSE or network filesystem may return from it having flushed nothing, and
 * other systems' {@code sync} may ignore {@code -f} or return before the data is written.
 * Elsewhere, or where the program is missing or fails, the caller flushes file by file, and a
 * program that could not run is not tried again.
 */
final class WholeFlush {

  private static final long TIMEOUT_MINUTES = 10;

  private static final Set<String> FLUSHED_BY_SYNCFS =
      Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "tmpfs");

  /** Unknown until the first flush looks at the filesystem; false once it cannot be used. */
  private volatile Boolean usable =
      System.getProperty("os.name", "").equals("Linux") ? null : Boolean.FALSE;

  /** Whether the filesystem holding {@code path} was flushed; false if the caller must do it. */
  boolean flush(Path path) throws IOException {
    if (usable == null) {
      usable = FLUSHED_BY_SYNCFS.contains(Files.getFileStore(path).type());
    }
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
      usable = Boolean.FALSE; // no such program here
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
      usable = Boolean.FALSE; // a failure the file-by-file flush will report
      return false;
    }
    return true;
  }

  /** Makes every later {@link #flush} leave the flushing to the caller: for tests of that path. */
  void disable() {
    usable = Boolean.FALSE;
  }
}
