package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.random;
import static io.pinrepo.testkit.contract.Contents.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Writes whose source fails midway change nothing. */
abstract class FailedWriteChecks extends ContractChecks {

  FailedWriteChecks(StorageContract contract) {
    super(contract);
  }

  @Test
  @DisplayName("a source failing midway leaves nothing under a new key")
  void failingSourceLeavesNothing() throws IOException {
    assertThrows(
        IOException.class,
        () -> storage.write(key("half"), Contents.failingAfter(100_000), WriteCondition.none()));

    assertEquals(Optional.empty(), storage.stat(key("half")));
    assertThrows(ObjectNotFoundException.class, () -> storage.read(key("half")));
    assertEquals(List.of(), keysUnder(""));
  }

  @Test
  @DisplayName("a source failing midway leaves the previous version intact")
  void failingSourceKeepsPreviousVersion() throws IOException {
    byte[] before = random(50_000, 5);
    ObjectInfo previous = put("top", before);

    IOException e =
        assertThrows(
            IOException.class,
            () -> storage.write(key("top"), Contents.failingAfter(100_000), WriteCondition.none()));

    assertFalse(e instanceof PreconditionFailedException, "not a lost race: " + e);
    assertArrayEquals(before, get("top"));
    assertEquals(previous.versionToken(), storage.stat(key("top")).orElseThrow().versionToken());
    assertEquals(List.of("top"), keysUnder(""));
  }

  @Test
  @DisplayName("a conditional write whose source fails midway leaves the previous version")
  void failingConditionalWriteKeepsPreviousVersion() throws IOException {
    assumeTrue(supportsConditionalWrites(), "the backend does not support conditions");
    ObjectInfo previous = put("top", utf8("kept"));

    assertThrows(
        IOException.class,
        () ->
            storage.write(
                key("top"),
                Contents.failingAfter(10),
                WriteCondition.matches(previous.versionToken())));

    assertArrayEquals(utf8("kept"), get("top"));
    assertEquals(previous.versionToken(), storage.stat(key("top")).orElseThrow().versionToken());
  }
}
