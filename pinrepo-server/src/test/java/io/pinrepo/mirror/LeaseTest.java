package io.pinrepo.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lease in the region storage: mirrors that share a region (standing for processes or machines)
 * make one copy between them, a dead holder's lease is taken over, a holder that lost its lease
 * stops, and waiting is bounded.
 */
class LeaseTest {

  private static final ObjectKey KEY = ObjectKey.of("files/pkg.bin");
  private static final byte[] BYTES = "the package".getBytes(StandardCharsets.UTF_8);

  private final InMemoryStorage memory = new InMemoryStorage();
  private final InMemoryStorage region = new InMemoryStorage();
  private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    renewer.shutdownNow();
  }

  private RegionalMirror mirror(Storage origin, Storage regionView, Duration lease, Clock clock) {
    return RegionalMirror.builder(origin)
        .formats(List.of(new ManifestFormat()))
        .region("eu", regionView, URI.create("http://eu.example/"))
        .leaseDuration(lease)
        .clock(clock)
        .build();
  }

  @Test
  void aSecondMirrorOnTheRegionWaitsForTheFirstsCopyAndCopiesNothing() throws Exception {
    ManifestFormat.publish(memory, List.of(KEY), List.of(BYTES));
    CountingOrigin first = new CountingOrigin(memory);
    CountingOrigin second = new CountingOrigin(memory);
    CountDownLatch secondWaits = new CountDownLatch(1);
    first.gate(secondWaits); // the first holds its copy until the second waits on the lease
    Storage watched = new LeaseWatcher(region, secondWaits);

    try (RegionalMirror a = mirror(first, region, Duration.ofSeconds(30), Clock.systemUTC());
        RegionalMirror b = mirror(second, watched, Duration.ofSeconds(30), Clock.systemUTC())) {
      CompletableFuture<Located> copying = CompletableFuture.supplyAsync(() -> locate(a));
      first.entered().await(); // the first holds the lease and is copying
      Located waited = b.locate(KEY, "eu");

      assertEquals(Located.Outcome.COPIED, copying.get().outcome());
      assertEquals(Located.Outcome.WAITED, waited.outcome());
    }
    assertEquals(1, first.reads(KEY) + first.copies(KEY), "the first mirror's copies");
    assertEquals(0, second.reads(KEY) + second.copies(KEY), "the second mirror's copies");
    assertEquals(List.of(KEY), region.keys(), "the lease is gone");
  }

  @Test
  void aLeaseNoLongerRenewedIsTakenOverAfterItsDuration() throws IOException {
    ManifestFormat.publish(memory, List.of(KEY), List.of(BYTES));
    deadHoldersLease();
    RecordingMirrorListener listener = new RecordingMirrorListener();
    try (RegionalMirror mirror =
        RegionalMirror.builder(memory)
            .formats(List.of(new ManifestFormat()))
            .region("eu", region, URI.create("http://eu.example/"))
            .leaseDuration(Duration.ofSeconds(2)) // also this mirror's own lease while it copies
            .listener(listener)
            .build()) {
      assertEquals(Located.Outcome.COPIED, mirror.locate(KEY, "eu").outcome());
    }
    assertTrue(
        listener.events().contains("taken over eu files/pkg.bin"), listener.events().toString());
    assertCopied();
  }

  @Test
  void aLeaseLeftLongBeforeIsTakenOverAtOnce() throws IOException {
    ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
    InMemoryStorage stamped = new InMemoryStorage(clock, 1000);
    ManifestFormat.publish(memory, List.of(KEY), List.of(BYTES));
    stamped.write(Lease.keyOf(KEY), ContentSource.ofUtf8("crashed"), WriteCondition.none());
    clock.advance(Duration.ofHours(1));

    // a lease of an hour would make a waiter watch it for an hour; its age gives it away at once
    try (RegionalMirror mirror = mirror(memory, stamped, Duration.ofMinutes(20), clock)) {
      assertEquals(Located.Outcome.COPIED, mirror.locate(KEY, "eu").outcome());
    }
    assertEquals(List.of(KEY), stamped.keys());
  }

  @Test
  void aHolderWhoseLeaseWasTakenOverStopsItsCopy() throws IOException {
    Lease lease =
        Lease.take(
                region,
                KEY,
                Optional.empty(),
                "me",
                Duration.ofMinutes(1),
                Clock.systemUTC(),
                renewer)
            .orElseThrow();
    lease.check();
    ObjectInfo mine = region.stat(Lease.keyOf(KEY)).orElseThrow();
    Lease.take(
            region,
            KEY,
            Optional.of(mine.versionToken()),
            "other",
            Duration.ofMinutes(1),
            Clock.systemUTC(),
            renewer)
        .orElseThrow();

    lease.renew();

    assertThrows(IOException.class, lease::check);
    lease.close(); // leaves the other holder's lease alone
    assertTrue(region.stat(Lease.keyOf(KEY)).isPresent());
  }

  @Test
  void renewingChangesTheLeasesVersionSoWaitersSeeItAlive() throws IOException {
    try (Lease lease =
        Lease.take(
                region,
                KEY,
                Optional.empty(),
                "me",
                Duration.ofMinutes(1),
                Clock.systemUTC(),
                renewer)
            .orElseThrow()) {
      String before = region.stat(Lease.keyOf(KEY)).orElseThrow().versionToken();
      lease.renew();
      String after = region.stat(Lease.keyOf(KEY)).orElseThrow().versionToken();
      assertTrue(!before.equals(after), "renewal kept token " + before);
      lease.check();
    }
    assertEquals(List.of(), region.keys());
  }

  @Test
  void waitingForAnotherHoldersCopyIsBounded() throws IOException {
    ManifestFormat.publish(memory, List.of(KEY), List.of(BYTES));
    deadHoldersLease();
    try (RegionalMirror mirror =
        RegionalMirror.builder(memory)
            .formats(List.of(new ManifestFormat()))
            .region("eu", region, URI.create("http://eu.example/"))
            .leaseDuration(Duration.ofHours(1))
            .maxWait(Duration.ofMillis(100))
            .build()) {
      assertThrows(CopyWaitTimeoutException.class, () -> mirror.locate(KEY, "eu"));
    }
    assertTrue(region.stat(KEY).isEmpty());
  }

  private void deadHoldersLease() throws IOException {
    region.write(
        Lease.keyOf(KEY), ContentSource.ofUtf8("a holder that died"), WriteCondition.none());
  }

  private void assertCopied() throws IOException {
    try (ObjectStream in = region.read(KEY)) {
      assertArrayEquals(BYTES, in.readAllBytes());
    }
    assertEquals(List.of(KEY), region.keys(), "no lease left");
  }

  private static Located locate(RegionalMirror mirror) {
    try {
      return mirror.locate(KEY, "eu");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The region as a second mirror sees it: counts down when it first looks at the lease. */
  private static final class LeaseWatcher extends ForwardingStorage {
    private final CountDownLatch looked;

    LeaseWatcher(Storage delegate, CountDownLatch looked) {
      super(delegate);
      this.looked = looked;
    }

    @Override
    public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
      Optional<ObjectInfo> info = super.stat(key);
      if (key.equals(Lease.keyOf(KEY)) && info.isPresent()) {
        looked.countDown();
      }
      return info;
    }
  }
}
