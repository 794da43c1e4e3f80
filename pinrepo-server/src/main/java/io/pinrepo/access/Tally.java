package io.pinrepo.access;

import io.pinrepo.spi.ObjectKey;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The running counts of one (region, key, status) in one period; updated lock-free. */
final class Tally {

  /** What a tally counts. */
  record Row(String region, ObjectKey key, int status) {}

  private final LongAdder requests = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final AtomicLong lastMillis = new AtomicLong(Long.MIN_VALUE);

  void add(long requestCount, long byteCount, Instant time) {
    requests.add(requestCount);
    bytes.add(byteCount);
    lastMillis.accumulateAndGet(time.toEpochMilli(), Math::max);
  }

  AccessFile.Row toRow(Row row) {
    return new AccessFile.Row(
        row.region(),
        row.key(),
        row.status(),
        requests.sum(),
        bytes.sum(),
        Instant.ofEpochMilli(lastMillis.get()));
  }
}
