package io.pinrepo.cache;

import io.pinrepo.spi.ObjectKey;
import java.io.IOException;

/**
 * Hears what a {@link ReadThroughCache} does, for metrics and logs. Called on the thread that did
 * it, synchronously, so implementations are quick, thread-safe and do not throw; a listener that
 * throws makes the read that called it fail. Every method does nothing by default.
 */
public interface CacheListener {

  /** A listener that hears nothing. */
  CacheListener NONE = new CacheListener() {};

  /** A read of {@code key} was answered as {@code freshness} says (stats are not reported). */
  default void served(ObjectKey key, Freshness freshness) {}

  /** The cached copy of {@code key}, {@code bytes} long on disk, was evicted to make room. */
  default void evicted(ObjectKey key, long bytes) {}

  /**
   * The cache could not keep its copy of {@code key} (a full or failing disk); the read was
   * answered from the origin instead, as {@link Freshness.Outcome#BYPASS}.
   */
  default void cacheFailed(ObjectKey key, IOException cause) {}
}
