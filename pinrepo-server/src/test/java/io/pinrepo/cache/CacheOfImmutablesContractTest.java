package io.pinrepo.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.contract.StorageContract;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on a cache that takes every key for immutable, over memory. */
class CacheOfImmutablesContractTest extends StorageContract {

  @TempDir Path dir;
  private InMemoryStorage origin;

  @Override
  protected Storage newStorage() throws IOException {
    origin = new InMemoryStorage(Clock.systemUTC(), listingPageSize());
    return ReadThroughCache.builder(origin, dir.resolve("cache"))
        .immutableWhen(key -> true)
        .build();
  }

  @AfterEach
  void leavesNoStreamOrTemporaryFile() {
    assertEquals(0, origin.openStreams(), "origin streams left open");
    assertEquals(List.of(), TestBytes.tempFiles(dir.resolve("cache")));
  }

  /** The origin (in memory) holds directory keys, and the cache forwards them. */
  @Override
  protected boolean supportsDirectoryKeys() {
    return true;
  }
}
