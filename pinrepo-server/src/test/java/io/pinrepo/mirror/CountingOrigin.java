package io.pinrepo.mirror;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.ServerSideCopy;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An origin that counts reads and server-side copies per key, and holds them until a gate opens: so
 * a test can have every request in flight before the first copy starts. The bytes and the copies
 * are the real delegate's (whose server-side copy it keeps).
 */
final class CountingOrigin extends ForwardingStorage implements ServerSideCopy {

  private final Map<ObjectKey, AtomicInteger> reads = new ConcurrentHashMap<>();
  private final Map<ObjectKey, AtomicInteger> copies = new ConcurrentHashMap<>();
  private final CountDownLatch entered = new CountDownLatch(1);
  private volatile CountDownLatch gate = new CountDownLatch(0);

  CountingOrigin(Storage delegate) {
    super(delegate);
  }

  /** Holds reads and copies until {@code open} reaches zero. */
  void gate(CountDownLatch open) {
    this.gate = open;
  }

  /** Counts down when the first read or copy arrives at the gate. */
  CountDownLatch entered() {
    return entered;
  }

  int reads(ObjectKey key) {
    return reads.getOrDefault(key, new AtomicInteger()).get();
  }

  int copies(ObjectKey key) {
    return copies.getOrDefault(key, new AtomicInteger()).get();
  }

  @Override
  public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
    pass();
    reads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    return super.read(key, range);
  }

  @Override
  public ObjectInfo copy(
      ObjectKey source, Storage destination, ObjectKey target, WriteCondition condition)
      throws IOException {
    pass();
    copies.computeIfAbsent(source, k -> new AtomicInteger()).incrementAndGet();
    return ((ServerSideCopy) delegate()).copy(source, destination, target, condition);
  }

  @Override
  public boolean canCopyTo(Storage destination) {
    return delegate() instanceof ServerSideCopy c && c.canCopyTo(destination);
  }

  private void pass() throws IOException {
    entered.countDown();
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted at the gate");
    }
  }
}
