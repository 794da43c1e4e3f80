package io.pinrepo.cache;

import io.pinrepo.spi.ObjectKey;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what a cache told it, in order. */
final class RecordingListener implements CacheListener {

  final List<String> evicted = new CopyOnWriteArrayList<>();
  final List<Freshness.Outcome> served = new CopyOnWriteArrayList<>();
  final List<IOException> failures = new CopyOnWriteArrayList<>();

  @Override
  public void served(ObjectKey key, Freshness freshness) {
    served.add(freshness.outcome());
  }

  @Override
  public void evicted(ObjectKey key, long bytes) {
    evicted.add(key.value());
  }

  @Override
  public void cacheFailed(ObjectKey key, IOException cause) {
    failures.add(cause);
  }
}
