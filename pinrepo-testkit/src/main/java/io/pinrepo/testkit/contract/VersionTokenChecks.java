package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.random;
import static io.pinrepo.testkit.contract.Contents.sha256;
import static io.pinrepo.testkit.contract.Contents.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Version tokens: new on every replacement, and the one a read reports is the one it yields. */
abstract class VersionTokenChecks extends ContractChecks {

  VersionTokenChecks(StorageContract contract) {
    super(contract);
  }

  @Test
  @DisplayName("every replacement with other bytes gets a new token, even of the same size")
  void tokenChangesOnEveryReplacement() throws IOException {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      ObjectInfo written = put("dists/stable/InRelease", utf8(String.format("v%03d", i)));
      assertTrue(tokens.add(written.versionToken()), "token repeated: " + written);
      assertEquals(
          written.versionToken(), storage.stat(written.key()).orElseThrow().versionToken());
    }
  }

  @Test
  @DisplayName("a read's info carries the token of the bytes it yields")
  void readInfoMatchesContent() throws IOException {
    ObjectInfo first = put("top", utf8("first"));
    ObjectInfo second = put("top", utf8("second"));

    try (ObjectStream in = storage.read(key("top"))) {
      assertArrayEquals(utf8("second"), in.readAllBytes());
      assertEquals(second.versionToken(), in.info().versionToken());
      assertNotEquals(first.versionToken(), in.info().versionToken());
      assertEquals(key("top"), in.info().key());
    }
  }

  @Test
  @DisplayName("a stream opened before a replace yields the version its info describes")
  void openStreamKeepsItsVersion() throws IOException {
    byte[] old = random(200_000, 1);
    ObjectInfo oldInfo = put("top", old);

    try (ObjectStream in = storage.read(key("top"))) {
      ObjectInfo newInfo = put("top", random(300_000, 2));
      assertEquals(sha256(old), sha256(in.readAllBytes()));
      assertEquals(oldInfo.versionToken(), in.info().versionToken());
      assertNotEquals(newInfo.versionToken(), in.info().versionToken());
    }
  }
}
