package io.pinrepo.pypi;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.faults.DiesAfterWrite;
import java.io.IOException;

/**
 * A publisher overtaken, not killed: at its first write of one key, another publisher's whole
 * operation runs first; then the write goes on and so does the publisher. The survivor of {@link
 * DiesAfterWrite}'s interleaving, to see what it reports.
 */
final class OvertakenAtWrite extends ForwardingStorage {
  private final ObjectKey held;
  private final DiesAfterWrite.Meanwhile meanwhile;
  private boolean done;

  OvertakenAtWrite(Storage delegate, ObjectKey held, DiesAfterWrite.Meanwhile meanwhile) {
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
