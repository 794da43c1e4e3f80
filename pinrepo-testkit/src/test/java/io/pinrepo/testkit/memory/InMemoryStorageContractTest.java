package io.pinrepo.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.contract.StorageContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** The storage contract on {@link InMemoryStorage}, listing in small pages. */
class InMemoryStorageContractTest extends StorageContract {

  private InMemoryStorage memory;

  @Override
  protected Storage newStorage() {
    memory = new InMemoryStorage(Clock.systemUTC(), listingPageSize());
    return memory;
  }

  @Override
  protected int listingPageSize() {
    return 7;
  }

  @Override
  protected boolean supportsDirectoryKeys() {
    return true;
  }

  @AfterEach
  void everyStreamTheSuiteOpenedIsClosed() {
    assertEquals(0, memory.openStreams(), "streams left open");
  }
}
