package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keys with no object: stat, read, delete. */
abstract class MissingObjectChecks extends ContractChecks {

  MissingObjectChecks(StorageContract contract) {
    super(contract);
  }

  @Test
  @DisplayName("stat of a missing key is empty")
  void statOfMissingIsEmpty() throws IOException {
    assertEquals(Optional.empty(), storage.stat(key("no/such/key")));
  }

  @Test
  @DisplayName("reading a missing key throws ObjectNotFoundException naming the key")
  void readOfMissingThrowsNotFound() {
    ObjectNotFoundException e =
        assertThrows(ObjectNotFoundException.class, () -> storage.read(key("no/such/key")));
    assertEquals(key("no/such/key"), e.key());
  }

  @Test
  @DisplayName("a ranged read of a missing key throws ObjectNotFoundException")
  void rangedReadOfMissingThrowsNotFound() {
    assertThrows(
        ObjectNotFoundException.class,
        () -> storage.read(key("missing"), new ByteRange(1, 2)).close());
  }

  @Test
  @DisplayName("a key below an existing object's key is missing")
  void keyBelowAnObjectIsMissing() throws IOException {
    put("dists/stable/Release", utf8("x"));

    assertEquals(Optional.empty(), storage.stat(key("dists/stable/Release/more")));
    assertThrows(
        ObjectNotFoundException.class, () -> storage.read(key("dists/stable/Release/more")));
  }

  @Test
  @DisplayName("a deleted object is missing to stat, read and list")
  void deletedObjectIsMissing() throws IOException {
    put("a/b/c", utf8("x"));
    put("a/keep", utf8("y"));

    storage.delete(key("a/b/c"), WriteCondition.none());

    assertEquals(Optional.empty(), storage.stat(key("a/b/c")));
    assertThrows(ObjectNotFoundException.class, () -> storage.read(key("a/b/c")));
    assertEquals(List.of("a/keep"), keysUnder(""));
  }

  @Test
  @DisplayName("deleting a missing object without a condition does nothing")
  void deleteOfMissingIsNoOp() throws IOException {
    storage.delete(key("never/written"), WriteCondition.none());

    assertEquals(List.of(), keysUnder(""));
  }
}
