package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.random;
import static io.pinrepo.testkit.contract.Contents.sha256;
import static io.pinrepo.testkit.contract.Contents.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.ServerSideCopy;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Server-side copy within the storage. */
abstract class CopyChecks extends ContractChecks {

  CopyChecks(StorageContract contract) {
    super(contract);
  }

  private ServerSideCopy copier;

  @BeforeEach
  void onlyWithCopy() {
    assumeTrue(
        storage instanceof ServerSideCopy c && c.canCopyTo(storage),
        "the backend cannot copy within itself");
    copier = (ServerSideCopy) storage;
  }

  @Test
  @DisplayName("copies the bytes to the target key")
  void copiesBytes() throws IOException {
    byte[] bytes = random(123_456, 9);
    put("source", bytes);

    ObjectInfo copy = copier.copy(key("source"), storage, key("target"), WriteCondition.none());

    assertEquals(key("target"), copy.key());
    assertEquals(sha256(bytes), sha256(get("target")));
    assertArrayEquals(bytes, get("source"));
  }

  @Test
  @DisplayName("copying a missing source throws ObjectNotFoundException")
  void copyOfMissingSourceFails() {
    assertThrows(
        ObjectNotFoundException.class,
        () -> copier.copy(key("missing"), storage, key("target"), WriteCondition.none()));
  }

  @Test
  @DisplayName("the condition is checked at the target")
  void copyChecksConditionAtTarget() throws IOException {
    assumeTrue(supportsConditionalWrites(), "the backend does not support conditions");
    put("source", utf8("new"));
    put("target", utf8("old"));

    assertThrows(
        PreconditionFailedException.class,
        () -> copier.copy(key("source"), storage, key("target"), WriteCondition.mustBeAbsent()));
    assertArrayEquals(utf8("old"), get("target"));
  }
}
