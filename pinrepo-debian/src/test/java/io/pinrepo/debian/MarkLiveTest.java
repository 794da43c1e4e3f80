package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.LiveObject;
import io.pinrepo.format.LiveObject.Role;
import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the APT format reports live, in which role, with which digests; and that the format a
 * repository hands out reads that repository's settings.
 */
class MarkLiveTest {

  private final InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);

  private AptRepository.Builder builder(Clock clock) {
    return AptRepository.builder(storage).clock(clock).byHashRetention(Duration.ofHours(6));
  }

  /** Every object reported, each at most once. */
  private Map<ObjectKey, LiveObject> live(AptFormat format) throws IOException {
    Map<ObjectKey, LiveObject> live = new TreeMap<>();
    format.markLive(storage, o -> assertNull(live.put(o.key(), o), "reported twice: " + o.key()));
    return live;
  }

  private static Role role(Map<ObjectKey, LiveObject> live, String key) {
    LiveObject object = live.get(ObjectKey.of(key));
    return object == null ? null : object.role();
  }

  @Test
  void aSignedDistributionCommitsOnInReleaseAndDerivesTheRest() throws Exception {
    AptRepository repo = builder(Repos.CLOCK).signer(Repos.signer()).build();
    repo.publishSources(
        "stable",
        "main",
        List.of(Repos.deb("hello", "1.0", "amd64"), Repos.deb("doc", "1", "all")));
    repo.remove("stable", "main", PackageSelector.named("hello"));

    Map<ObjectKey, LiveObject> live = live(repo.format());
    assertEquals(Role.TOP, role(live, "dists/stable/InRelease"));
    assertEquals(Role.TOP, role(live, "dists/stable/pinrepo-superseded"));
    for (String derived :
        List.of(
            "dists/stable/Release",
            "dists/stable/Release.gpg",
            "dists/stable/main/binary-amd64/Packages",
            "dists/stable/main/binary-amd64/Packages.gz")) {
      assertEquals(Role.DERIVED, role(live, derived), derived);
    }
    // Within the by-hash retention, everything written is live: the removed package too.
    assertEquals(keys(storage.keys()), live.keySet());
    for (LiveObject object : live.values()) {
      boolean blob =
          object.key().value().startsWith("pool/") || object.key().value().contains("/by-hash/");
      assertEquals(blob, object.role() == Role.BLOB, object.key().value());
      if (blob) {
        byte[] bytes = storage.peek(object.key()).orElseThrow();
        assertEquals(bytes.length, object.size().orElseThrow(), object.key().value());
        assertEquals(
            Digests.of(bytes).sha256(), object.sha256().orElseThrow(), object.key().value());
      } else {
        assertTrue(object.sha256().isEmpty(), object.key().value());
      }
    }
  }

  @Test
  void supersededFilesLeaveOnceTheirRetentionIsOver() throws Exception {
    AptRepository repo = builder(Repos.CLOCK).build();
    repo.publishSources("stable", "main", List.of(Repos.deb("hello", "1.0", "amd64")));
    repo.remove("stable", "main", PackageSelector.named("hello"));
    ObjectKey pool = ObjectKey.of("pool/main/h/hello/hello_1.0_amd64.deb");
    assertTrue(live(repo.format()).containsKey(pool));

    Clock later = Clock.fixed(Repos.CLOCK.instant().plus(Duration.ofHours(7)), ZoneOffset.UTC);
    Map<ObjectKey, LiveObject> live = live(builder(later).build().format());
    assertFalse(live.containsKey(pool));
    assertEquals(Role.TOP, role(live, "dists/stable/pinrepo-superseded"));
  }

  @Test
  void anUnsignedDistributionCommitsOnRelease() throws Exception {
    AptRepository repo = builder(Repos.CLOCK).build();
    repo.publishSources("stable", "main", List.of(Repos.deb("hello", "1.0", "amd64")));
    Map<ObjectKey, LiveObject> live = live(repo.format());
    assertEquals(Role.TOP, role(live, "dists/stable/Release"));
    assertNull(role(live, "dists/stable/InRelease"));
    assertNull(role(live, "dists/stable/Release.gpg"));
    assertNull(role(live, "dists/stable/pinrepo-superseded"), "nothing superseded yet");
    assertEquals(Role.DERIVED, role(live, "dists/stable/main/binary-amd64/Packages"));
    assertEquals(keys(storage.keys()), live.keySet());
  }

  @Test
  void theFormatReadsIndexesWithTheRepositorysLimit() throws Exception {
    builder(Repos.CLOCK)
        .build()
        .publishSources("stable", "main", List.of(Repos.deb("hello", "1.0", "amd64")));
    assertEquals(List.of(), verify(builder(Repos.CLOCK).build().format()));

    List<Problem> problems = verify(builder(Repos.CLOCK).maxIndexBytes(64).build().format());
    assertEquals(
        Set.of("dists/stable/main/binary-amd64/Packages"),
        problems.stream().map(p -> p.key().value()).collect(Collectors.toSet()),
        problems::toString);
    assertTrue(problems.get(0).description().contains("over the limit"), problems::toString);
  }

  private List<Problem> verify(AptFormat format) throws IOException {
    List<Problem> problems = new ArrayList<>();
    format.verify(storage, VerifyContext.unsigned(), problems::add);
    return problems;
  }

  private static Set<ObjectKey> keys(List<ObjectKey> keys) {
    return new TreeSet<>(keys);
  }
}
