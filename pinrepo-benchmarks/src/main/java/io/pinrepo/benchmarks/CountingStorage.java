package io.pinrepo.benchmarks;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;

/**
 * Counts the writes and the bytes written through it. JMH's own extra counters sum over iterations,
 * so the benchmarks print these per operation themselves (see {@link Tally}).
 */
final class CountingStorage extends ForwardingStorage {
  private long writes;
  private long bytesWritten;

  CountingStorage(Storage delegate) {
    super(delegate);
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    ObjectInfo info = super.write(key, content, condition);
    writes++;
    bytesWritten += info.size();
    return info;
  }

  long writes() {
    return writes;
  }

  long bytesWritten() {
    return bytesWritten;
  }
}
