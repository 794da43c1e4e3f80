package io.pinrepo.replication;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A storage that, before its {@code k}-th operation, runs something else to completion on the
 * storage it wraps: a publisher that commits in the middle of a replication, at a chosen point.
 * Deterministic: no threads; the publish runs inside the held call.
 */
final class Meanwhile extends ForwardingStorage {

  /** What runs before the chosen operation. */
  @FunctionalInterface
  interface Action {
    void run() throws IOException;
  }

  private final long at;
  private final Action action;
  private final AtomicLong operations = new AtomicLong();

  /** Runs {@code action} before the {@code at}-th operation on {@code delegate} (1 = the first). */
  Meanwhile(Storage delegate, long at, Action action) {
    super(delegate);
    this.at = at;
    this.action = action;
  }

  /** How many operations went through. */
  long operations() {
    return operations.get();
  }

  private void next() throws IOException {
    if (operations.incrementAndGet() == at) {
      action.run();
    }
  }

  @Override
  public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
    next();
    return super.stat(key);
  }

  @Override
  public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
    next();
    return super.read(key, range);
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    next();
    return super.write(key, content, condition);
  }

  @Override
  public void delete(ObjectKey key, WriteCondition condition) throws IOException {
    next();
    super.delete(key, condition);
  }

  @Override
  public ObjectListing list(String prefix) throws IOException {
    next();
    return super.list(prefix);
  }
}
