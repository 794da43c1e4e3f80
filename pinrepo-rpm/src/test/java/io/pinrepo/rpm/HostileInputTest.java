package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.fixtures.hostile.HostileRpms;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile RPM is refused by a publish with a malformed-package exception whose one-line
 * message names the file as given and says what is wrong, and the repository stays byte for byte as
 * it was; a batch of them names each.
 */
class HostileInputTest {
  @TempDir static Path inputs;
  @TempDir Path dir;

  final InMemoryStorage storage = new InMemoryStorage(Rpms.clock(), 100);
  final RpmRepository repo = RpmRepository.builder(storage).clock(Rpms.clock()).build();
  Map<String, byte[]> before;

  static List<HostileRpms.Input> hostile() {
    try {
      return HostileRpms.writeAll(Files.createDirectories(inputs.resolve("hostile")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeEach
  void publishSomething() throws Exception {
    repo.publish(RpmRepositoryTest.PATH, List.of(new Rpms(dir).rpm("fine", "1.0", "noarch")));
    before = storage.snapshot();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void isRefusedNamingTheFileAndNothingChanges(HostileRpms.Input input) {
    PinrepoException e =
        assertThrows(
            PinrepoException.class,
            () -> repo.publish(RpmRepositoryTest.PATH, List.of(input.file())));
    assertInstanceOf(MalformedPackageException.class, e, e.toString());
    assertTrue(e.getMessage().startsWith(input.file() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(input.expected()), input.name() + ": " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    assertUnchanged();
  }

  @Test
  void aBatchOfThemNamesEveryFile() throws Exception {
    List<HostileRpms.Input> all = hostile();
    List<Path> files = new ArrayList<>(all.stream().map(HostileRpms.Input::file).toList());
    files.add(new Rpms(dir).rpm("good", "1", "noarch"));
    RefusedBatchException e =
        assertThrows(
            RefusedBatchException.class, () -> repo.publish(RpmRepositoryTest.PATH, files));
    assertEquals(all.size(), e.causes().size());
    for (int i = 0; i < all.size(); i++) {
      String message = e.causes().get(i).getMessage();
      assertTrue(message.startsWith(files.get(i) + ": "), message);
      assertTrue(message.contains(all.get(i).expected()), message);
    }
    assertUnchanged();
  }

  private void assertUnchanged() {
    Map<String, byte[]> after = storage.snapshot();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertTrue(Arrays.equals(v, after.get(k)), k));
  }
}
