package io.pinrepo.testkit.contract;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every group of the {@link StorageContract} shares: the storage under test (bound after the
 * contract created it), the backend's capability hooks and small write/read/list helpers. Each
 * group is a {@code @Nested} class of the contract that extends one of these.
 */
abstract class ContractChecks {

  private final StorageContract contract;

  /** The storage under test; fresh and empty at the start of each test. */
  Storage storage;

  ContractChecks(StorageContract contract) {
    this.contract = contract;
  }

  @BeforeEach
  void bindStorage() {
    storage = contract.storage();
  }

  boolean supportsConditionalWrites() {
    return contract.supportsConditionalWrites();
  }

  boolean supportsConditionalDeletes() {
    return contract.supportsConditionalWrites() && contract.supportsConditionalDeletes();
  }

  boolean supportsPresign() {
    return contract.supportsPresign();
  }

  boolean supportsDirectoryKeys() {
    return contract.supportsDirectoryKeys();
  }

  int listingPageSize() {
    return contract.listingPageSize();
  }

  int concurrentWriters() {
    return contract.concurrentWriters();
  }

  ObjectInfo put(String key, byte[] bytes) throws IOException {
    return storage.write(ObjectKey.of(key), ContentSource.ofBytes(bytes), WriteCondition.none());
  }

  byte[] get(String key) throws IOException {
    try (ObjectStream in = storage.read(ObjectKey.of(key))) {
      return in.readAllBytes();
    }
  }

  List<String> keysUnder(String prefix) throws IOException {
    List<String> keys = new ArrayList<>();
    try (ObjectListing listing = storage.list(prefix)) {
      for (ObjectInfo info : listing.toList()) {
        keys.add(info.key().value());
      }
    }
    return keys;
  }

  static ObjectKey key(String value) {
    return ObjectKey.of(value);
  }
}
