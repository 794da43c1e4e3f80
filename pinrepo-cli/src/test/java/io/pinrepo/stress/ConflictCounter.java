package io.pinrepo.stress;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes every call through and counts the conditional writes of a mutable top that lost a race:
 * each one is a conflict that a publisher's optimistic commit retried. Formats keep their {@code
 * OptimisticCommit} private, so the storage is where every format's conflicts can be seen. Blob
 * writes that find identical bytes (a {@code mustBeAbsent} refusal under a content-addressed or
 * pool key) are not conflicts and are not counted.
 */
final class ConflictCounter extends ForwardingStorage {
  private final AtomicLong conflicts = new AtomicLong();

  ConflictCounter(Storage delegate) {
    super(delegate);
  }

  long conflicts() {
    return conflicts.get();
  }

  /** Whether {@code key} names a mutable top (or commit state), not a write-once blob. */
  static boolean isTop(ObjectKey key) {
    String k = key.value();
    String name = k.substring(k.lastIndexOf('/') + 1);
    return !k.contains("/by-hash/")
        && !k.startsWith("pool/")
        && (name.equals("InRelease")
            || name.equals("Release")
            || name.equals("Release.gpg")
            || name.startsWith("Packages")
            || name.startsWith("maven-metadata.xml")
            || name.startsWith("index.")
            || name.endsWith(".json")
            || name.startsWith("state"));
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    try {
      return delegate().write(key, content, condition);
    } catch (PreconditionFailedException e) {
      if (isTop(key)) {
        conflicts.incrementAndGet();
      }
      throw e;
    }
  }
}
