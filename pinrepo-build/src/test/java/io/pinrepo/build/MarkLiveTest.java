package io.pinrepo.build;

import static io.pinrepo.build.Builds.WEB;
import static io.pinrepo.build.Builds.web;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.format.LiveObject;
import io.pinrepo.format.LiveObject.Role;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What the format reports live, each object once, with its role and, for files, the size and
 * SHA-256 of the stored bytes.
 */
class MarkLiveTest {
  private static final PointerName PROD = PointerName.of("prod");

  private final ManualClock clock = new ManualClock(Instant.parse("2025-01-02T03:04:05.678Z"));
  private final InMemoryStorage storage = new InMemoryStorage(clock, 2);
  private final BuildRepository builds = BuildRepository.builder(storage).clock(clock).build();

  @Test
  void reportsEveryObjectOnceWithItsRole() throws Exception {
    builds.publish(web("1"));
    Instant published = clock.instant();
    clock.advance(Duration.ofMinutes(1));
    builds.pointers().set(WEB, PROD, PointerUpdate.to(BuildVersion.of("1")));
    List<LiveObject> live = new ArrayList<>();
    builds.format().markLive(storage, live::add);

    Map<ObjectKey, Role> roles = new TreeMap<>();
    for (LiveObject object : live) {
      assertEquals(null, roles.put(object.key(), object.role()), "reported twice: " + object);
    }
    BuildVersion v = BuildVersion.of("1");
    Map<ObjectKey, Role> expected = new TreeMap<>();
    for (var f : builds.manifest(WEB, v).orElseThrow().files()) {
      expected.put(BuildLayout.file(WEB, v, f.path()), Role.BLOB);
    }
    expected.put(BuildLayout.manifest(WEB, v), Role.DERIVED);
    expected.put(BuildLayout.marker(WEB, published, v), Role.TOP);
    expected.put(BuildLayout.pointer(WEB, PROD), Role.TOP);
    expected.put(BuildLayout.historyEntry(WEB, PROD, 1), Role.DERIVED);
    assertEquals(expected, roles);
    assertEquals(new TreeMap<>(storage.snapshot()).keySet().size(), roles.size(), "all is live");
  }

  @Test
  void filesCarryTheSizeAndDigestOfTheirStoredBytes() throws Exception {
    builds.publish(web("1"));
    List<LiveObject> live = new ArrayList<>();
    builds.format().markLive(storage, live::add);
    int files = 0;
    for (LiveObject object : live) {
      if (object.role() == Role.BLOB) {
        files++;
        Digests stored = Digests.of(storage.peek(object.key()).orElseThrow());
        assertEquals(OptionalLong.of(stored.size()), object.size(), object.key().value());
        assertEquals(Optional.of(stored.sha256()), object.sha256(), object.key().value());
      } else {
        assertEquals(OptionalLong.empty(), object.size());
      }
    }
    assertEquals(2, files);
  }
}
