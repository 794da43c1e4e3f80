package io.pinrepo.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock shared by every thread and process that opens the same lock file.
 *
 * <p>Across processes the OS file lock orders writers. An OS lock belongs to the whole process,
 * though, and on POSIX systems closing <em>any</em> channel on the file drops it (see {@link
 * FileLock}); the JDK therefore refuses a second lock on the same file from another channel in the
 * same JVM. So every instance in this JVM that uses the same lock file shares one in-JVM lock, and
 * only the thread holding it ever has a channel open on the file. That registry is the one piece of
 * static state in pinrepo, and it exists because the OS lock it mirrors is per process. It holds
 * one small entry per lock file ever opened. Not reentrant.
 */
final class DirectoryLock {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private final Path file;
  private final ReentrantLock local;

  DirectoryLock(Path file) throws IOException {
    if (!Files.exists(file)) {
      try {
        Files.createFile(file);
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // another process created it first: the same file
      }
    }
    this.file = file.toRealPath();
    this.local = IN_JVM.computeIfAbsent(this.file, f -> new ReentrantLock());
  }

  /** Blocks until the lock is held; close the result to release it. */
  Held acquire() throws IOException {
    if (local.isHeldByCurrentThread()) {
      throw new IllegalStateException("lock " + file + " is already held by this thread");
    }
    local.lock();
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
      return new Held(channel, channel.lock());
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
