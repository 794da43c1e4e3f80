package io.pinrepo.testkit.memory;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.DirectoryKeys;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.ServerSideCopy;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A strict in-memory {@link Storage} for tests: every instance has its own state, conditions are
 * atomic, a write that fails leaves nothing, open streams are tracked, and the clock is injected.
 *
 * <p>It counts operations by {@link Operation} so a test can prove that a publish does a bounded
 * number of them, and fails the k-th operation of a kind on request ({@link #failOn}) so a test can
 * crash a publish at every step. It holds {@link DirectoryKeys directory keys}, as S3 does.
 * Thread-safe.
 */
public final class InMemoryStorage implements Storage, ServerSideCopy, DirectoryKeys {

  private record Stored(byte[] bytes, ObjectInfo info) {}

  private final ConcurrentSkipListMap<String, Stored> objects = new ConcurrentSkipListMap<>();
  private final Clock clock;
  private final int pageSize;
  private final AtomicLong versions = new AtomicLong();
  private final AtomicInteger openStreams = new AtomicInteger();
  private final Map<Operation, AtomicLong> counts = new EnumMap<>(Operation.class);
  private final Object faultLock = new Object();
  private final Object mutation = new Object();
  private Operation faultKind;
  private long faultCountdown;
  private volatile boolean closed;

  /** Storage on the system UTC clock, listing 1,000 keys a page. */
  public InMemoryStorage() {
    this(Clock.systemUTC(), 1000);
  }

  /** Storage whose objects are stamped by {@code clock}, listing {@code pageSize} keys a page. */
  public InMemoryStorage(Clock clock, int pageSize) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
    }
    this.pageSize = pageSize;
    for (Operation op : Operation.values()) {
      counts.put(op, new AtomicLong());
    }
  }

  // ---- test controls -------------------------------------------------------------------------

  /**
   * Makes the {@code k}-th operation of {@code kind} from now (1 = the next one) fail with an
   * {@link InjectedFaultException}; {@link Operation#ANY} counts every operation. One fault at a
   * time.
   */
  public void failOn(Operation kind, long k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    synchronized (faultLock) {
      faultKind = Objects.requireNonNull(kind, "kind");
      faultCountdown = k;
    }
  }

  /** Cancels a pending {@link #failOn}. */
  public void clearFault() {
    synchronized (faultLock) {
      faultKind = null;
    }
  }

  /** Operations of {@code kind} since creation or the last {@link #resetCounts()}. */
  public long count(Operation kind) {
    if (kind == Operation.ANY) {
      return counts.entrySet().stream()
          .filter(e -> e.getKey() != Operation.ANY)
          .mapToLong(e -> e.getValue().get())
          .sum();
    }
    return counts.get(kind).get();
  }

  /** Sets every operation count to zero. */
  public void resetCounts() {
    counts.values().forEach(c -> c.set(0));
  }

  /** Streams returned by {@link #read} and not yet closed. */
  public int openStreams() {
    return openStreams.get();
  }

  /** Every key stored, in order. */
  public List<ObjectKey> keys() {
    return objects.keySet().stream().map(ObjectKey::of).toList();
  }

  /** The bytes under {@code key} (a copy), without counting an operation. */
  public Optional<byte[]> peek(ObjectKey key) {
    Stored stored = objects.get(key.value());
    return stored == null ? Optional.empty() : Optional.of(stored.bytes().clone());
  }

  /** A deep copy of every object, for before/after comparisons. */
  public Map<String, byte[]> snapshot() {
    Map<String, byte[]> copy = new java.util.TreeMap<>();
    objects.forEach((k, v) -> copy.put(k, v.bytes().clone()));
    return copy;
  }

  // ---- Storage ---------------------------------------------------------------------------------

  @Override
  public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
    begin(Operation.STAT, key);
    return Optional.ofNullable(objects.get(key.value())).map(Stored::info);
  }

  @Override
  public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
    begin(Operation.READ, key);
    Stored stored = objects.get(key.value());
    if (stored == null) {
      throw new ObjectNotFoundException(key);
    }
    long last = range.lastIndex(stored.bytes().length);
    int from = (int) Math.min(range.offset(), stored.bytes().length);
    int length = last < 0 ? 0 : (int) (last - range.offset() + 1);
    openStreams.incrementAndGet();
    InputStream in =
        new ByteArrayInputStream(stored.bytes(), from, length) {
          private boolean open = true;

          @Override
          public void close() {
            if (open) {
              open = false;
              openStreams.decrementAndGet();
            }
          }
        };
    return new ObjectStream(in, stored.info());
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    begin(Operation.WRITE, key);
    byte[] bytes;
    try (InputStream in = content.open()) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      in.transferTo(buffer);
      bytes = buffer.toByteArray();
    }
    ObjectInfo info =
        new ObjectInfo(key, bytes.length, "v" + versions.incrementAndGet(), clock.instant());
    Stored next = new Stored(bytes, info);
    // One lock for check-and-set: ConcurrentSkipListMap.compute is not atomic (it may apply the
    // function more than once), and a strict fake must not let two conditional writers both win.
    synchronized (mutation) {
      if (!holds(condition, objects.get(key.value()))) {
        throw new PreconditionFailedException(key, condition);
      }
      objects.put(key.value(), next);
    }
    return info;
  }

  @Override
  public void delete(ObjectKey key, WriteCondition condition) throws IOException {
    begin(Operation.DELETE, key);
    synchronized (mutation) {
      if (!holds(condition, objects.get(key.value()))) {
        throw new PreconditionFailedException(key, condition);
      }
      objects.remove(key.value());
    }
  }

  @Override
  public ObjectListing list(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return new ObjectListing() {
      private List<ObjectInfo> page = List.of();
      private int index;
      private String after;
      private boolean exhausted;

      @Override
      public boolean hasNext() throws IOException {
        if (index < page.size()) {
          return true;
        }
        if (exhausted) {
          return false;
        }
        fetch();
        return index < page.size();
      }

      @Override
      public ObjectInfo next() throws IOException {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.get(index++);
      }

      private void fetch() throws IOException {
        begin(Operation.LIST_PAGE, null);
        Map<String, Stored> tail =
            after == null ? objects.tailMap(prefix, true) : objects.tailMap(after, false);
        List<ObjectInfo> fetched = new ArrayList<>();
        for (Map.Entry<String, Stored> e : tail.entrySet()) {
          if (!e.getKey().startsWith(prefix) || fetched.size() == pageSize) {
            break;
          }
          fetched.add(e.getValue().info());
        }
        exhausted = fetched.size() < pageSize;
        page = fetched;
        index = 0;
        if (!fetched.isEmpty()) {
          after = fetched.get(fetched.size() - 1).key().value();
        }
      }
    };
  }

  @Override
  public ObjectInfo copy(
      ObjectKey source, Storage destination, ObjectKey target, WriteCondition condition)
      throws IOException {
    begin(Operation.READ, source);
    Stored stored = objects.get(source.value());
    if (stored == null) {
      throw new ObjectNotFoundException(source);
    }
    return destination.write(target, ContentSource.ofBytes(stored.bytes()), condition);
  }

  @Override
  public boolean canCopyTo(Storage destination) {
    return destination instanceof InMemoryStorage;
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Always: a directory key is one more key in the map. */
  @Override
  public boolean holdsDirectoryKeys() {
    return true;
  }

  @Override
  public String toString() {
    return "memory:" + Integer.toHexString(System.identityHashCode(this));
  }

  private static boolean holds(WriteCondition condition, Stored current) {
    if (condition instanceof WriteCondition.MustBeAbsent) {
      return current == null;
    }
    if (condition instanceof WriteCondition.Matches m) {
      return current != null && current.info().versionToken().equals(m.versionToken());
    }
    return true;
  }

  private void begin(Operation kind, ObjectKey key) throws IOException {
    if (closed) {
      throw new IOException("storage " + this + " is closed");
    }
    counts.get(kind).incrementAndGet();
    synchronized (faultLock) {
      if (faultKind == null || (faultKind != Operation.ANY && faultKind != kind)) {
        return;
      }
      if (--faultCountdown == 0) {
        faultKind = null;
        throw new InjectedFaultException(
            "injected fault on "
                + kind.name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + (key == null ? "" : key));
      }
    }
  }
}
