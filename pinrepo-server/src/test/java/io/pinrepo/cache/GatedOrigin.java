package io.pinrepo.cache;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * An origin whose reads wait until a gate opens: so that a test can hold a fetch until every reader
 * it started has entered the cache. Not a fake: the bytes come from the real delegate.
 */
final class GatedOrigin extends ForwardingStorage {

  private final CountDownLatch gate;

  GatedOrigin(Storage delegate, CountDownLatch gate) {
    super(delegate);
    this.gate = gate;
  }

  @Override
  public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted at the gate");
    }
    return super.read(key, range);
  }
}
