package io.pinrepo.build;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;

/**
 * A storage that, at its first write of one key, first runs something else to completion (another
 * publisher's whole operation), then lets the write go on: the interleaving where this writer loses
 * a race it had every reason to win. Deterministic: no threads.
 */
final class BeforeWrite extends ForwardingStorage {

  /** What runs before the held write. */
  @FunctionalInterface
  interface Meanwhile {
    void run() throws IOException;
  }

  private final ObjectKey held;
  private final Meanwhile meanwhile;
  private boolean done;

  BeforeWrite(Storage delegate, ObjectKey held, Meanwhile meanwhile) {
    super(delegate);
    this.held = held;
    this.meanwhile = meanwhile;
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    if (key.equals(held) && !done) {
      done = true;
      meanwhile.run();
    }
    return super.write(key, content, condition);
  }
}
