package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An index file whose bytes no longer match the digest Release lists is refused before anything is
 * committed, although its digest is checked on another thread while the publish works on it.
 */
class DamagedIndexTest {

  private final InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
  private final AptRepository repo = AptRepository.builder(storage).clock(Repos.CLOCK).build();

  @Test
  void aPublishOntoAPackagesFileDamagedInPlaceFailsNamingItAndChangesNothing() throws Exception {
    assertRefusedAfterDamaging("/Packages", 40);
  }

  @Test
  void aDamageThatBreaksTheStanzasIsReportedAsADamagedFileNotAsAScanError() throws Exception {
    // A newline turned into a letter joins two stanzas: the scan would fail on its own.
    assertRefusedAfterDamaging("/Packages", -1);
  }

  @Test
  void aPublishOntoADamagedPackagesGzFailsNamingIt() throws Exception {
    assertRefusedAfterDamaging("/Packages.gz", 30);
  }

  /** Flips the byte at {@code at} (or the first blank line's newline when negative) of the file. */
  private void assertRefusedAfterDamaging(String file, int at) throws Exception {
    List<ContentSource> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      batch.add(Repos.deb("pkg" + i, "1.0", "amd64"));
    }
    repo.publishSources("stable", "main", batch);
    String legacy = "dists/stable/main/binary-amd64" + file;
    byte[] listed = storage.snapshot().get(legacy);
    String byHash =
        storage.snapshot().entrySet().stream()
            .filter(e -> e.getKey().contains("/binary-amd64/by-hash/SHA512/"))
            .filter(e -> Arrays.equals(e.getValue(), listed))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    byte[] damaged = listed.clone();
    int where = at >= 0 ? at : new String(damaged, StandardCharsets.ISO_8859_1).indexOf("\n\n") + 1;
    damaged[where] = (byte) (damaged[where] == 'x' ? 'y' : 'x');
    storage.write(ObjectKey.of(byHash), ContentSource.ofBytes(damaged), WriteCondition.none());
    Map<String, byte[]> before = storage.snapshot();

    IOException refused =
        assertThrows(
            IOException.class,
            () ->
                repo.publishSources("stable", "main", List.of(Repos.deb("late", "2.0", "amd64"))));

    assertTrue(
        refused.getMessage().contains(byHash) && refused.getMessage().contains("does not match"),
        refused.getMessage());
    Map<String, byte[]> after = storage.snapshot();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((key, bytes) -> assertArrayEquals(bytes, after.get(key), key));
  }
}
