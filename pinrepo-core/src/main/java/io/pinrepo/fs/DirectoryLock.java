package io.pinrepo.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock shared by every thread and process that opens the same lock file. Within this
 * instance a {@link ReentrantLock} orders threads; across instances and processes the OS file lock
 * does. Two instances in one JVM on the same file see {@link OverlappingFileLockException} from the
 * JDK instead of blocking, so acquiring polls in that case.
 */
final class DirectoryLock {
  private final Path file;
  private final ReentrantLock local = new ReentrantLock();

  DirectoryLock(Path file) {
    this.file = file;
  }

  /** Blocks until the lock is held; close the result to release it. */
  Held acquire() throws IOException {
    local.lock();
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
      while (true) {
        try {
          FileLock lock = channel.lock();
          return new Held(channel, lock);
        } catch (OverlappingFileLockException e) {
          Thread.onSpinWait();
          Thread.yield();
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      local.unlock();
      throw e;
    }
  }

  /** A held lock; closing releases it. */
  final class Held implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() throws IOException {
      try {
        lock.release();
      } finally {
        try {
          channel.close();
        } finally {
          local.unlock();
        }
      }
    }
  }
}
