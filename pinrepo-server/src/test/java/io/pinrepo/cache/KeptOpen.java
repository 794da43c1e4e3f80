package io.pinrepo.cache;

import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.Storage;

/** A view of a storage that closing does not close: for caches opened again on the same origin. */
final class KeptOpen extends ForwardingStorage {

  KeptOpen(Storage delegate) {
    super(delegate);
  }

  @Override
  public void close() {}
}
