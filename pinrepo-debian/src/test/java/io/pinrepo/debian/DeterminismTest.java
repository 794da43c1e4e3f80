package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The same packages and clock give byte-identical repositories, whatever the input order. */
class DeterminismTest {

  private static final List<ContentSource> DEBS =
      List.of(
          Repos.deb("hello", "1.0-1", "amd64"),
          Repos.deb("hello", "1.0-2", "amd64"),
          Repos.deb("hello", "1.0-1", "arm64"),
          Repos.deb("hello-doc", "1.0-1", "all"),
          Repos.deb("libhello1", "1:0.9~rc1", "amd64"),
          Repos.deb("libhello1", "1:0.9", "amd64"),
          Repos.source(DebBuilder.of("zlib-pin", "1.2.13", "amd64").field("Source", "zlib")));

  private static final Map<String, byte[]> REFERENCE = publishAtOnce(DEBS);

  @Provide
  Arbitrary<List<ContentSource>> orders() {
    return Arbitraries.shuffle(DEBS);
  }

  @Property(tries = 40)
  void permutedInputsGiveIdenticalBytes(@ForAll("orders") List<ContentSource> order) {
    Map<String, byte[]> got = publishAtOnce(order);
    assertEquals(REFERENCE.keySet(), got.keySet());
    REFERENCE.forEach((k, v) -> assertArrayEquals(v, got.get(k), k));
  }

  @Property(tries = 15)
  void publishingOneByOneInAnyOrderEndsInTheSameIndexes(@ForAll("orders") List<ContentSource> order)
      throws Exception {
    InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
    AptRepository repo = AptRepository.builder(storage).clock(Repos.CLOCK).build();
    for (ContentSource deb : order) {
      repo.publishSources("stable", "main", List.of(deb));
    }
    for (String key :
        List.of(
            "dists/stable/Release",
            "dists/stable/main/binary-amd64/Packages",
            "dists/stable/main/binary-arm64/Packages.gz")) {
      assertArrayEquals(REFERENCE.get(key), storage.snapshot().get(key), key);
    }
  }

  private static Map<String, byte[]> publishAtOnce(List<ContentSource> debs) {
    try {
      InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
      AptRepository.builder(storage)
          .clock(Repos.CLOCK)
          .build()
          .publishSources("stable", "main", debs);
      return storage.snapshot();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
