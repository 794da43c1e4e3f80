package io.pinrepo.pypi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.fixtures.hostile.HostileWheels;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 11: every hostile wheel and sdist of {@link HostileWheels} is refused with a {@link
 * MalformedPackageException} whose one-line message names the file and the problem in words, and
 * the repository keeps every key and byte. Surefire runs this class under {@code -Xmx256m} (see the
 * pom), so a reader that unpacks a bomb into memory fails it.
 */
class HostileInputTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);

  @TempDir static Path dir;
  static List<HostileWheels.Input> inputs;

  @BeforeAll
  static void writeInputs() throws IOException {
    inputs = HostileWheels.writeAll(dir.resolve("hostile"));
  }

  @TestFactory
  Stream<DynamicTest> everyHostileInputIsRefusedAndChangesNothing() throws IOException {
    InMemoryStorage storage = new InMemoryStorage(CLOCK, 100);
    PypiRepository repo = PypiRepository.builder(storage).clock(CLOCK).build();
    repo.publish(WheelBuilder.of("demo", "0.9").writeTo(dir.resolve("good")));
    Path companion = WheelBuilder.of("companion", "1.0").writeTo(dir.resolve("good"));
    return inputs.stream()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    input.name(), () -> refusedAlone(storage, repo, input, companion)));
  }

  private static void refusedAlone(
      InMemoryStorage storage, PypiRepository repo, HostileWheels.Input input, Path companion)
      throws IOException {
    Map<String, byte[]> before = storage.snapshot();
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class, () -> repo.publish(List.of(companion, input.file())));
    String message = e.getMessage();
    assertEquals(input.file().toString(), e.source(), message);
    assertTrue(message.startsWith(input.file() + ": "), message);
    assertTrue(message.contains(input.expected()), message);
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.length() < 400, message);
    for (String jargon : List.of("java.", "Exception", "Invalid header", "LOC", "CEN", "EOF")) {
      assertFalse(message.contains(jargon), message);
    }
    Map<String, byte[]> after = storage.snapshot();
    assertEquals(before.keySet(), after.keySet(), input.name());
    before.forEach((key, bytes) -> assertArrayEquals(bytes, after.get(key), key));
  }

  @Test
  void theCorpusHasAtLeastFifteenInputsWithDistinctNames() {
    assertTrue(inputs.size() >= 15, inputs.size() + " inputs");
    assertEquals(inputs.size(), inputs.stream().map(HostileWheels.Input::name).distinct().count());
  }
}
