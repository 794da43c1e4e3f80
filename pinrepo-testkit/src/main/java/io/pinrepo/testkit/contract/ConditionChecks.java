package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every write condition and delete condition, holding and failing. */
abstract class ConditionChecks extends ContractChecks {

  ConditionChecks(StorageContract contract) {
    super(contract);
  }

  @BeforeEach
  void onlyWithConditions() {
    assumeTrue(supportsConditionalWrites(), "the backend does not support conditions");
  }

  @Test
  @DisplayName("must-be-absent writes when nothing is there")
  void mustBeAbsentWritesNewObject() throws IOException {
    ObjectInfo written =
        storage.write(key("new"), ContentSource.ofUtf8("x"), WriteCondition.mustBeAbsent());

    assertEquals(written.versionToken(), storage.stat(key("new")).orElseThrow().versionToken());
    assertArrayEquals(utf8("x"), get("new"));
  }

  @Test
  @DisplayName("must-be-absent fails on an existing object and leaves it unchanged")
  void mustBeAbsentFailsOnExisting() throws IOException {
    ObjectInfo existing = put("blob", utf8("original"));

    PreconditionFailedException e =
        assertThrows(
            PreconditionFailedException.class,
            () ->
                storage.write(
                    key("blob"), ContentSource.ofUtf8("other"), WriteCondition.mustBeAbsent()));

    assertEquals(key("blob"), e.key());
    assertArrayEquals(utf8("original"), get("blob"));
    assertEquals(existing.versionToken(), storage.stat(key("blob")).orElseThrow().versionToken());
  }

  @Test
  @DisplayName("matches(current token) replaces the object and yields a new token")
  void matchesCurrentTokenReplaces() throws IOException {
    ObjectInfo first = put("top", utf8("one"));

    ObjectInfo second =
        storage.write(
            key("top"), ContentSource.ofUtf8("two"), WriteCondition.matches(first.versionToken()));

    assertArrayEquals(utf8("two"), get("top"));
    assertNotEquals(first.versionToken(), second.versionToken());
    assertEquals(second.versionToken(), storage.stat(key("top")).orElseThrow().versionToken());
  }

  @Test
  @DisplayName("matches(stale token) fails and leaves the current version unchanged")
  void matchesStaleTokenFails() throws IOException {
    ObjectInfo first = put("top", utf8("one"));
    ObjectInfo second = put("top", utf8("two"));

    assertThrows(
        PreconditionFailedException.class,
        () ->
            storage.write(
                key("top"),
                ContentSource.ofUtf8("three"),
                WriteCondition.matches(first.versionToken())));

    assertArrayEquals(utf8("two"), get("top"));
    assertEquals(second.versionToken(), storage.stat(key("top")).orElseThrow().versionToken());
  }

  @Test
  @DisplayName("matches on a missing object fails as a lost condition, not as not-found")
  void matchesOnMissingFails() throws IOException {
    ObjectInfo gone = put("top", utf8("one"));
    storage.delete(key("top"), WriteCondition.none());

    assertThrows(
        PreconditionFailedException.class,
        () ->
            storage.write(
                key("top"),
                ContentSource.ofUtf8("two"),
                WriteCondition.matches(gone.versionToken())));
    assertEquals(Optional.empty(), storage.stat(key("top")));
  }

  @Test
  @DisplayName("delete with matches(current token) deletes")
  void deleteMatchingCurrentDeletes() throws IOException {
    ObjectInfo current = put("top", utf8("one"));

    storage.delete(key("top"), WriteCondition.matches(current.versionToken()));

    assertEquals(Optional.empty(), storage.stat(key("top")));
  }

  @Test
  @DisplayName("delete with matches(stale token) fails and keeps the object")
  void deleteWithStaleTokenFails() throws IOException {
    ObjectInfo first = put("top", utf8("one"));
    put("top", utf8("two"));

    assertThrows(
        PreconditionFailedException.class,
        () -> storage.delete(key("top"), WriteCondition.matches(first.versionToken())));

    assertArrayEquals(utf8("two"), get("top"));
  }

  @Test
  @DisplayName("delete with matches on a missing object fails")
  void deleteMatchingMissingFails() throws IOException {
    ObjectInfo gone = put("top", utf8("one"));
    storage.delete(key("top"), WriteCondition.none());

    assertThrows(
        PreconditionFailedException.class,
        () -> storage.delete(key("top"), WriteCondition.matches(gone.versionToken())));
  }
}
