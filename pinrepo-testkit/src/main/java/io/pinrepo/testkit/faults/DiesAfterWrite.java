package io.pinrepo.testkit.faults;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InjectedFaultException;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The slow writer that dies: a storage for one publisher that, at its first write of a chosen key,
 * first runs something else to completion (typically another publisher's whole publish), then lets
 * that now-late write through, then fails every later call as if the process had been killed. This
 * is the interleaving in which a stale derived file can outlive a newer commit; a publisher that
 * writes such files conditionally must lose that late write.
 *
 * <p>Deterministic: no threads or sleeps; the other publisher runs inside the held call.
 */
public final class DiesAfterWrite extends ForwardingStorage {

  /** What runs while the write is held. */
  @FunctionalInterface
  public interface Meanwhile {
    /** Runs to completion before the held write goes on. */
    void run() throws IOException;
  }

  private final ObjectKey held;
  private final Meanwhile meanwhile;
  private volatile boolean dead;

  /** Holds the first write of {@code held} on {@code delegate} while {@code meanwhile} runs. */
  public DiesAfterWrite(Storage delegate, ObjectKey held, Meanwhile meanwhile) {
    super(delegate);
    this.held = Objects.requireNonNull(held, "held");
    this.meanwhile = Objects.requireNonNull(meanwhile, "meanwhile");
  }

  /** Whether the held write has happened, so every further call fails. */
  public boolean dead() {
    return dead;
  }

  private void alive() throws IOException {
    if (dead) {
      throw new InjectedFaultException("killed after its late write of " + held);
    }
  }

  @Override
  public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
    alive();
    return super.stat(key);
  }

  @Override
  public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
    alive();
    return super.read(key, range);
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    alive();
    if (key.equals(held)) {
      meanwhile.run();
      dead = true;
    }
    return super.write(key, content, condition);
  }

  @Override
  public void delete(ObjectKey key, WriteCondition condition) throws IOException {
    alive();
    super.delete(key, condition);
  }

  @Override
  public ObjectListing list(String prefix) throws IOException {
    alive();
    return super.list(prefix);
  }
}
