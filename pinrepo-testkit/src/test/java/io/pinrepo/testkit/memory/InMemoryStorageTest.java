package io.pinrepo.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What {@link InMemoryStorage} offers tests beyond the storage contract. */
class InMemoryStorageTest {

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private final InMemoryStorage storage = new InMemoryStorage(Clock.fixed(T0, ZoneOffset.UTC), 2);

  private static ObjectKey key(String value) {
    return ObjectKey.of(value);
  }

  private ObjectInfo put(String key, String text) throws IOException {
    return storage.write(key(key), ContentSource.ofUtf8(text), WriteCondition.none());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Nested
  @DisplayName("fault injection")
  class Faults {

    @Test
    void failsExactlyTheKthOperationOfAKind() throws IOException {
      put("a", "1");
      storage.failOn(Operation.WRITE, 2);

      put("b", "2");
      InjectedFaultException e = assertThrows(InjectedFaultException.class, () -> put("c", "3"));
      put("d", "4");

      assertTrue(e.getMessage().contains("write c"), e.getMessage());
      assertEquals(List.of(key("a"), key("b"), key("d")), storage.keys());
    }

    @Test
    void otherKindsDoNotAdvanceTheCountdown() throws IOException {
      put("a", "1");
      storage.failOn(Operation.READ, 1);

      storage.stat(key("a"));
      put("b", "2");
      storage.delete(key("b"), WriteCondition.none());

      assertThrows(InjectedFaultException.class, () -> storage.read(key("a")));
      try (ObjectStream in = storage.read(key("a"))) {
        assertEquals("1", text(in.readAllBytes()));
      }
    }

    @Test
    void anyCountsEveryKindOfOperation() throws IOException {
      put("a", "1");
      storage.failOn(Operation.ANY, 3);

      storage.stat(key("a"));
      storage.read(key("a")).close();

      assertThrows(
          InjectedFaultException.class, () -> storage.delete(key("a"), WriteCondition.none()));
      assertTrue(storage.stat(key("a")).isPresent(), "the failed delete deleted");
    }

    @Test
    void failedWriteLeavesThePreviousVersion() throws IOException {
      ObjectInfo before = put("top", "old");
      storage.failOn(Operation.WRITE, 1);

      assertThrows(InjectedFaultException.class, () -> put("top", "new"));

      assertEquals("old", text(storage.peek(key("top")).orElseThrow()));
      assertEquals(before, storage.stat(key("top")).orElseThrow());
    }

    @Test
    void canFailAListingOnALaterPage() throws IOException {
      for (String k : List.of("p/1", "p/2", "p/3", "p/4", "p/5")) {
        put(k, k);
      }
      storage.failOn(Operation.LIST_PAGE, 2);

      try (ObjectListing listing = storage.list("p/")) {
        assertEquals(key("p/1"), listing.next().key());
        assertEquals(key("p/2"), listing.next().key());
        assertThrows(InjectedFaultException.class, listing::hasNext);
      }
    }

    @Test
    void clearFaultCancelsAPendingFault() throws IOException {
      storage.failOn(Operation.WRITE, 1);
      storage.clearFault();

      put("a", "1");

      assertEquals(List.of(key("a")), storage.keys());
    }

    @Test
    void faultFiresOnlyOnce() throws IOException {
      storage.failOn(Operation.STAT, 1);

      assertThrows(InjectedFaultException.class, () -> storage.stat(key("a")));
      assertEquals(Optional.empty(), storage.stat(key("a")));
    }

    @Test
    void refusesANonPositiveK() {
      assertThrows(IllegalArgumentException.class, () -> storage.failOn(Operation.WRITE, 0));
    }
  }

  @Nested
  @DisplayName("operation counting")
  class Counting {

    @Test
    void countsEachKindAndAnySumsThem() throws IOException {
      put("a", "1");
      put("b", "2");
      storage.stat(key("a"));
      storage.read(key("a")).close();
      storage.delete(key("b"), WriteCondition.none());

      assertEquals(2, storage.count(Operation.WRITE));
      assertEquals(1, storage.count(Operation.STAT));
      assertEquals(1, storage.count(Operation.READ));
      assertEquals(1, storage.count(Operation.DELETE));
      assertEquals(0, storage.count(Operation.LIST_PAGE));
      assertEquals(5, storage.count(Operation.ANY));
    }

    @Test
    void countsListingPagesLazily() throws IOException {
      for (String k : List.of("p/1", "p/2", "p/3", "p/4", "p/5")) {
        put(k, k);
      }
      storage.resetCounts();

      try (ObjectListing listing = storage.list("p/")) {
        assertEquals(0, storage.count(Operation.LIST_PAGE), "list() alone fetches nothing");
        assertEquals(5, listing.toList().size());
      }

      assertEquals(3, storage.count(Operation.LIST_PAGE));
      assertEquals(3, storage.count(Operation.ANY));
    }

    @Test
    void countsFailedOperationsToo() throws IOException {
      storage.failOn(Operation.WRITE, 1);
      assertThrows(InjectedFaultException.class, () -> put("a", "1"));

      assertEquals(1, storage.count(Operation.WRITE));
    }

    @Test
    void resetCountsStartsAgainFromZero() throws IOException {
      put("a", "1");
      storage.resetCounts();
      storage.stat(key("a"));

      assertEquals(0, storage.count(Operation.WRITE));
      assertEquals(1, storage.count(Operation.ANY));
    }

    @Test
    void peekSnapshotAndKeysCountNothing() throws IOException {
      put("a", "1");
      storage.resetCounts();

      storage.peek(key("a"));
      storage.snapshot();
      storage.keys();

      assertEquals(0, storage.count(Operation.ANY));
    }
  }

  @Nested
  @DisplayName("open stream tracking")
  class Streams {

    @Test
    void tracksStreamsUntilClosed() throws IOException {
      put("a", "hello");

      ObjectStream first = storage.read(key("a"));
      ObjectStream second = storage.read(key("a"), new ByteRange(1, 2));
      assertEquals(2, storage.openStreams());

      first.close();
      first.close();
      assertEquals(1, storage.openStreams(), "a second close counted twice");
      assertEquals("el", text(second.readAllBytes()));
      second.close();
      assertEquals(0, storage.openStreams());
    }

    @Test
    void tracksEmptyRangeStreamsToo() throws IOException {
      put("a", "hello");

      try (ObjectStream in = storage.read(key("a"), ByteRange.from(99))) {
        assertEquals(1, storage.openStreams());
        assertEquals(0, in.readAllBytes().length);
      }
      assertEquals(0, storage.openStreams());
    }
  }

  @Nested
  @DisplayName("state")
  class State {

    @Test
    void instancesShareNothing() throws IOException {
      InMemoryStorage other = new InMemoryStorage();
      put("a", "1");

      assertEquals(List.of(), other.keys());
      assertEquals(0, other.count(Operation.ANY));
      assertEquals(Optional.empty(), other.stat(key("a")));
    }

    @Test
    void stampsObjectsWithTheInjectedClock() throws IOException {
      assertEquals(T0, put("a", "1").lastModified());
    }

    @Test
    void snapshotIsADeepCopyInKeyOrder() throws IOException {
      put("b", "2");
      put("a", "1");

      Map<String, byte[]> snapshot = storage.snapshot();
      snapshot.get("a")[0] = 'x';

      assertEquals(List.of("a", "b"), List.copyOf(snapshot.keySet()));
      assertArrayEquals("1".getBytes(StandardCharsets.UTF_8), storage.peek(key("a")).orElseThrow());
    }

    @Test
    void closedStorageRefusesOperations() throws IOException {
      put("a", "1");
      storage.close();

      assertThrows(IOException.class, () -> storage.stat(key("a")));
      assertThrows(IOException.class, () -> put("b", "2"));
    }

    @Test
    void peekOfMissingIsEmpty() {
      assertFalse(storage.peek(key("missing")).isPresent());
    }
  }
}
