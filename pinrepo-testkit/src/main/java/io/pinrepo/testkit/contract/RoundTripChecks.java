package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.random;
import static io.pinrepo.testkit.contract.Contents.sha256;
import static io.pinrepo.testkit.contract.Contents.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole objects written and read back: empty, small, multi-MiB, from every kind of source. */
abstract class RoundTripChecks extends ContractChecks {

  RoundTripChecks(StorageContract contract) {
    super(contract);
  }

  @Test
  @DisplayName("an empty object round-trips with size zero")
  void emptyObjectRoundTrips() throws IOException {
    ObjectInfo written = put("empty", new byte[0]);

    assertEquals(0, written.size());
    assertEquals(0, get("empty").length);
    assertEquals(0, storage.stat(key("empty")).orElseThrow().size());
  }

  @Test
  @DisplayName("a small object round-trips and stat agrees with what write returned")
  void smallObjectRoundTrips() throws IOException {
    byte[] bytes = utf8("Package: hello\nVersion: 1.0\n");

    ObjectInfo written = put("pool/main/h/hello/hello.txt", bytes);

    assertEquals(key("pool/main/h/hello/hello.txt"), written.key());
    assertEquals(bytes.length, written.size());
    assertArrayEquals(bytes, get("pool/main/h/hello/hello.txt"));
    ObjectInfo stat = storage.stat(written.key()).orElseThrow();
    assertEquals(written.versionToken(), stat.versionToken());
    assertEquals(written.size(), stat.size());
  }

  @Test
  @DisplayName("a multi-MiB object round-trips byte for byte")
  void multiMebibyteObjectRoundTrips() throws IOException {
    byte[] bytes = random(5 * 1024 * 1024 + 123, 42);

    ObjectInfo written = put("big.bin", bytes);

    assertEquals(bytes.length, written.size());
    assertEquals(sha256(bytes), sha256(get("big.bin")));
  }

  @Test
  @DisplayName("a multi-MiB source that does not tell its size round-trips")
  void unsizedSourceRoundTrips() throws IOException {
    byte[] bytes = random(3 * 1024 * 1024 + 7, 7);

    storage.write(key("unsized.bin"), Contents.unsized(bytes), WriteCondition.none());

    assertEquals(sha256(bytes), sha256(get("unsized.bin")));
    assertEquals(bytes.length, storage.stat(key("unsized.bin")).orElseThrow().size());
  }

  @Test
  @DisplayName("a file source round-trips")
  void fileSourceRoundTrips(@TempDir Path dir) throws IOException {
    byte[] bytes = random(2 * 1024 * 1024 + 1, 8);
    Path file = Files.write(dir.resolve("hello_1.0_all.deb"), bytes);

    ObjectInfo written =
        storage.write(
            key("pool/hello_1.0_all.deb"), ContentSource.ofPath(file), WriteCondition.none());

    assertEquals(bytes.length, written.size());
    assertEquals(sha256(bytes), sha256(get("pool/hello_1.0_all.deb")));
  }

  @Test
  @DisplayName("an unconditional write replaces the object")
  void unconditionalWriteReplaces() throws IOException {
    put("top", utf8("one"));
    put("top", utf8("two, longer"));

    assertArrayEquals(utf8("two, longer"), get("top"));
    assertEquals(utf8("two, longer").length, storage.stat(key("top")).orElseThrow().size());
  }

  @Test
  @DisplayName("every stream the write opens on its source is closed")
  void closesEverySourceStream() throws IOException {
    Contents.Tracked source = new Contents.Tracked(random(100_000, 3));

    storage.write(key("tracked"), source, WriteCondition.none());

    assertTrue(source.opened.get() >= 1, "the source was never opened");
    assertEquals(source.opened.get(), source.closed.get(), "streams left open");
  }
}
