package io.pinrepo.pypi.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep440VersionTest {

  @ParameterizedTest
  @CsvSource({
    "1.0, 1.0",
    "v1.0, 1.0",
    "1.0-RC_1, 1.0rc1",
    "1.0alpha, 1.0a0",
    "1.0.BETA.2, 1.0b2",
    "1.0c3, 1.0rc3",
    "1.0preview4, 1.0rc4",
    "1.0-1, 1.0.post1",
    "1.0.rev, 1.0.post0",
    "1.0_r2, 1.0.post2",
    "1.0-dev, 1.0.dev0",
    "0!01.002, 1.2",
    "2!1.0+Ubuntu-1_2, 2!1.0+ubuntu.1.2",
    "1.0+001, 1.0+1",
    "'  1.0 ', 1.0",
  })
  void normalisesEverySpelling(String written, String normal) {
    assertEquals(normal, Pep440Version.parse(written).toString());
    assertEquals(Pep440Version.parse(written), Pep440Version.parse(normal));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.", "a1", "1.0-", "1.0+", "1.0+a..b", "1!", "1.0.dev1.dev2", "1,0"})
  void refusesWhatIsNotPep440(String text) {
    assertThrows(IllegalArgumentException.class, () -> Pep440Version.parse(text));
    assertTrue(Pep440Version.tryParse(text).isEmpty());
  }

  @Test
  void ordersAsPep440Says() {
    List<String> ordered =
        List.of(
            "1.0.dev0",
            "1.0a1.dev1",
            "1.0a1",
            "1.0a1.post1.dev1",
            "1.0a1.post1",
            "1.0b1",
            "1.0rc1",
            "1.0",
            "1.0+abc",
            "1.0+abc.1",
            "1.0+1",
            "1.0+1.abc",
            "1.0.post1.dev1",
            "1.0.post1",
            "1.0.1",
            "1.1.dev1",
            "1!0.1");
    List<Pep440Version> shuffled =
        new ArrayList<>(ordered.stream().map(Pep440Version::parse).toList());
    Collections.shuffle(shuffled, new Random(7));
    Collections.sort(shuffled);
    assertEquals(ordered, shuffled.stream().map(Pep440Version::toString).toList());
  }

  @Test
  void trailingZerosDoNotMatter() {
    assertEquals(Pep440Version.parse("1.0"), Pep440Version.parse("1.0.0"));
    assertEquals(Pep440Version.parse("1.0").hashCode(), Pep440Version.parse("1.0.0").hashCode());
    assertEquals(Pep440Version.parse("0"), Pep440Version.parse("0.0"));
  }

  @Test
  void tellsPreReleasesApart() {
    assertTrue(Pep440Version.parse("2.0rc1").isPreRelease());
    assertTrue(Pep440Version.parse("2.0.dev1").isPreRelease());
    assertFalse(Pep440Version.parse("2.0.post1").isPreRelease());
    assertTrue(Pep440Version.parse("2.0.post1").isPostRelease());
  }

  @Test
  void numbersHaveNoSizeLimit() {
    Pep440Version big = Pep440Version.parse("1.99999999999999999999999");
    assertTrue(big.compareTo(Pep440Version.parse("1.99999999999999999999998")) > 0);
  }
}
