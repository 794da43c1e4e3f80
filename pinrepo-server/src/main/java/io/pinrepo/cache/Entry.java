package io.pinrepo.cache;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One whole cache file the cache may serve: the version it holds, where it is, and when the origin
 * last confirmed that version (updated by revalidation). The file's content never changes once it
 * is visible under its name.
 */
final class Entry {

  private final ObjectInfo info;
  private final Path file;
  private final int headerLength;
  private volatile Instant validatedAt;
  private volatile long lastTouch = Long.MIN_VALUE / 2;

  Entry(ObjectInfo info, Path file, int headerLength, Instant validatedAt) {
    this.info = Objects.requireNonNull(info, "info");
    this.file = Objects.requireNonNull(file, "file");
    this.headerLength = headerLength;
    this.validatedAt = Objects.requireNonNull(validatedAt, "validatedAt");
  }

  ObjectKey key() {
    return info.key();
  }

  ObjectInfo info() {
    return info;
  }

  Path file() {
    return file;
  }

  /** Where the object's bytes start in the file. */
  int headerLength() {
    return headerLength;
  }

  /** The file's length: what the entry counts against the cache's byte bound. */
  long fileBytes() {
    return headerLength + info.size();
  }

  Instant validatedAt() {
    return validatedAt;
  }

  /** Records that the origin confirmed this version at {@code now}. */
  void validated(Instant now) {
    if (now.isAfter(validatedAt)) {
      validatedAt = now;
    }
  }

  /** The store's touch count when this entry's file was last stamped as used. */
  long lastTouch() {
    return lastTouch;
  }

  /** Records that this entry's file was stamped as used at the store's touch count {@code n}. */
  void touched(long n) {
    lastTouch = n;
  }

  @Override
  public String toString() {
    return info.key() + "@" + info.versionToken() + " in " + file;
  }
}
