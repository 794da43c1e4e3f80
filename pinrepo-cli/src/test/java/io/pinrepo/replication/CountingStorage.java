package io.pinrepo.replication;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the writes (and their bytes), deletes and listings that reach any storage, for tests that
 * check what a replication cost on a filesystem or S3 target; the operations are the delegate's.
 */
final class CountingStorage extends ForwardingStorage {
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong deletes = new AtomicLong();
  private final AtomicLong listings = new AtomicLong();

  CountingStorage(Storage delegate) {
    super(delegate);
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    ObjectInfo written = super.write(key, content, condition);
    writes.incrementAndGet();
    bytes.addAndGet(written.size());
    return written;
  }

  @Override
  public void delete(ObjectKey key, WriteCondition condition) throws IOException {
    super.delete(key, condition);
    deletes.incrementAndGet();
  }

  @Override
  public ObjectListing list(String prefix) throws IOException {
    listings.incrementAndGet();
    return super.list(prefix);
  }

  long writes() {
    return writes.get();
  }

  long bytes() {
    return bytes.get();
  }

  long deletes() {
    return deletes.get();
  }

  long listings() {
    return listings.get();
  }
}
