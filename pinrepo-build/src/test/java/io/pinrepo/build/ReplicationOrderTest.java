package io.pinrepo.build;

import static io.pinrepo.build.Builds.WEB;
import static io.pinrepo.build.Builds.web;
import static io.pinrepo.build.Consistency.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.format.LiveObject;
import io.pinrepo.format.Retention;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The roles {@link BuildFormat} reports keep a replica consistent at every moment: copying the live
 * objects blobs first, then derived objects, then tops, in any order within a role, the replica
 * passes verify after every single copy, both when it starts empty and when it catches up with a
 * source that moved on.
 */
class ReplicationOrderTest {
  private static final PointerName PROD = PointerName.of("prod");

  @Property(tries = 30)
  void aReplicaCopiedInRoleOrderIsConsistentAfterEveryCopy(@ForAll long seed) throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2025-01-02T03:04:05.678Z"));
    InMemoryStorage source = new InMemoryStorage(clock, 3);
    InMemoryStorage replica = new InMemoryStorage(clock, 3);
    BuildRepository builds =
        BuildRepository.builder(source).clock(clock).retention(Retention.keepNewest(3)).build();
    Random random = new Random(seed);
    for (String version : List.of("1", "2")) {
      builds.publish(web(version));
      clock.advance(Duration.ofMinutes(1));
    }
    builds.pointers().set(WEB, PROD, PointerUpdate.to(BuildVersion.of("1")));
    replicate(builds, source, replica, random);
    for (String version : List.of("3", "4", "5")) {
      builds.publish(web(version));
      clock.advance(Duration.ofMinutes(1));
    }
    builds.pointers().set(WEB, PROD, PointerUpdate.to(BuildVersion.of("4")));
    builds.pointers().set(WEB, PROD, PointerUpdate.to(BuildVersion.of("5")));
    replicate(builds, source, replica, random);
    assertEquals(
        "5",
        BuildRepository.on(replica).pointers().read(WEB, PROD).orElseThrow().version().value());
  }

  /** Copies every live object of {@code source}, by role, shuffled within each role. */
  private static void replicate(
      BuildRepository builds, Storage source, Storage replica, Random random) throws IOException {
    List<LiveObject> live = new ArrayList<>();
    builds.format().markLive(source, live::add);
    Collections.shuffle(live, random);
    live.sort(Comparator.comparing(LiveObject::role));
    for (LiveObject object : live) {
      byte[] bytes;
      try (ObjectStream in = source.read(object.key())) {
        bytes = in.readAllBytes();
      }
      replica.write(object.key(), ContentSource.ofBytes(bytes), WriteCondition.none());
      assertConsistent(replica, "after copying " + object);
    }
  }
}
