package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.DirectoryKeys;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Directory keys ({@code a/b/}): a storage that holds them keeps one beside the objects under it;
 * one that does not refuses them.
 */
abstract class DirectoryKeyChecks extends ContractChecks {

  DirectoryKeyChecks(StorageContract contract) {
    super(contract);
  }

  @Test
  @DisplayName("a directory key holds its own bytes beside the objects under it")
  void directoryKeyRoundTripsBesideItsChildren() throws IOException {
    assumeTrue(supportsDirectoryKeys(), "the backend does not hold directory keys");
    assertTrue(DirectoryKeys.supported(storage), "the storage does not say it holds them");
    put("simple/foo/index.html", utf8("child"));
    ObjectInfo written = put("simple/foo/", utf8("directory page"));

    assertEquals(key("simple/foo/"), written.key());
    assertArrayEquals(utf8("directory page"), get("simple/foo/"));
    assertArrayEquals(utf8("child"), get("simple/foo/index.html"));
    assertEquals(14, storage.stat(key("simple/foo/")).orElseThrow().size());
    assertEquals(List.of("simple/foo/", "simple/foo/index.html"), keysUnder("simple/"));
    assertThrows(
        PreconditionFailedException.class,
        () ->
            storage.write(
                key("simple/foo/"),
                ContentSource.ofBytes(utf8("x")),
                WriteCondition.mustBeAbsent()));
    storage.write(
        key("simple/foo/"),
        ContentSource.ofBytes(utf8("next")),
        WriteCondition.matches(written.versionToken()));
    assertArrayEquals(utf8("next"), get("simple/foo/"));

    storage.delete(key("simple/foo/"), WriteCondition.none());
    assertFalse(storage.stat(key("simple/foo/")).isPresent());
    assertEquals(List.of("simple/foo/index.html"), keysUnder("simple/"));
  }

  @Test
  @DisplayName("a storage without directory keys refuses one and writes nothing")
  void directoryKeyIsRefusedWithoutThePower() throws IOException {
    assumeFalse(supportsDirectoryKeys(), "the backend holds directory keys");
    assertFalse(DirectoryKeys.supported(storage), "the storage says it holds directory keys");
    assertThrows(IllegalArgumentException.class, () -> put("simple/foo/", utf8("page")));
    assertEquals(List.of(), keysUnder(""));
  }
}
