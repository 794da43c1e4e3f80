package io.pinrepo.debian;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A storage that runs a hook once, right after the first successful write of a key that {@code
 * when} accepts: where a test makes another publisher act in the middle of a publish.
 */
final class HookedStorage implements Storage {

  /** What runs in the middle. */
  @FunctionalInterface
  interface Hook {
    void run() throws IOException;
  }

  private final Storage delegate;
  private final Predicate<ObjectKey> when;
  private final Hook hook;
  private final boolean before;
  private boolean fired;

  /** Runs {@code hook} once, right after the first write of a key {@code when} accepts. */
  HookedStorage(Storage delegate, Predicate<ObjectKey> when, Hook hook) {
    this(delegate, when, hook, false);
  }

  private HookedStorage(Storage delegate, Predicate<ObjectKey> when, Hook hook, boolean before) {
    this.delegate = delegate;
    this.when = when;
    this.hook = hook;
    this.before = before;
  }

  /**
   * Runs {@code hook} once, before the first write of a key {@code when} accepts, while every such
   * write waits: writes made on several threads at once all come after it.
   */
  static HookedStorage beforeFirst(Storage delegate, Predicate<ObjectKey> when, Hook hook) {
    return new HookedStorage(delegate, when, hook, true);
  }

  /** Whether the hook has run. */
  synchronized boolean fired() {
    return fired;
  }

  @Override
  public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
    return delegate.stat(key);
  }

  @Override
  public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
    return delegate.read(key, range);
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    if (!when.test(key)) {
      return delegate.write(key, content, condition);
    }
    if (before) {
      synchronized (this) {
        if (!fired) {
          fired = true;
          hook.run();
        }
      }
      return delegate.write(key, content, condition);
    }
    ObjectInfo info = delegate.write(key, content, condition);
    synchronized (this) {
      if (!fired) {
        fired = true;
        hook.run();
      }
    }
    return info;
  }

  @Override
  public void delete(ObjectKey key, WriteCondition condition) throws IOException {
    delegate.delete(key, condition);
  }

  @Override
  public ObjectListing list(String prefix) throws IOException {
    return delegate.list(prefix);
  }
}
