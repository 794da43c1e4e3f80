package io.pinrepo.replication;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * A target throttled by its reader: one write (or delete) at a time, each waiting until the reader
 * has finished a whole pass that began after the previous write ended, so the reader sees every
 * state the writer passes through, in full; a pass may also overlap a write. No sleeps: the pace is
 * the reader's.
 */
final class ReaderPacedStorage extends ForwardingStorage {
  private final Object lock = new Object();
  private long writes;
  private long verified = -1;
  private boolean writing;
  private boolean closed;

  ReaderPacedStorage(Storage delegate) {
    super(delegate);
  }

  /** The number of writes done; the reader notes it before a pass. */
  long writes() {
    synchronized (lock) {
      return writes;
    }
  }

  /** The reader finished a pass that began when {@code writesBefore} writes were done. */
  void passed(long writesBefore) {
    synchronized (lock) {
      verified = Math.max(verified, writesBefore);
      lock.notifyAll();
    }
  }

  /** Lets every waiting write through: the reader stopped. */
  void release() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
  }

  private void awaitReader() throws IOException {
    synchronized (lock) {
      while (!closed && (writing || verified < writes)) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted waiting for the reader");
        }
      }
      writing = true;
    }
  }

  private void wrote() {
    synchronized (lock) {
      writing = false;
      writes++;
      lock.notifyAll();
    }
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    awaitReader();
    try {
      return super.write(key, content, condition);
    } finally {
      wrote();
    }
  }

  @Override
  public void delete(ObjectKey key, WriteCondition condition) throws IOException {
    awaitReader();
    try {
      super.delete(key, condition);
    } finally {
      wrote();
    }
  }
}
