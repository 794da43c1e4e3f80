package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.UnsupportedConditionException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A backend without conditional writes refuses them. */
abstract class NoConditionChecks extends ContractChecks {

  NoConditionChecks(StorageContract contract) {
    super(contract);
  }

  @Test
  @DisplayName("refuses conditions instead of checking then writing")
  void refusesConditions() throws IOException {
    assumeFalse(supportsConditionalWrites(), "the backend supports conditions");
    ObjectInfo existing = put("top", utf8("one"));

    assertThrows(
        UnsupportedConditionException.class,
        () -> storage.write(key("new"), ContentSource.ofUtf8("x"), WriteCondition.mustBeAbsent()));
    assertThrows(
        UnsupportedConditionException.class,
        () -> storage.delete(key("top"), WriteCondition.matches(existing.versionToken())));
    assertEquals(Optional.empty(), storage.stat(key("new")));
    assertArrayEquals(utf8("one"), get("top"));
  }
}
