package io.pinrepo.rpm.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RpmVersionTest {

  @ParameterizedTest(name = "rpmvercmp({0}, {1}) = {2}")
  @CsvSource({
    "1.0, 1.0, 0",
    "1.0, 2.0, -1",
    "2.0.1, 2.0, 1",
    "2.0.1a, 2.0.1, 1",
    "5.5p1, 5.5p2, -1",
    "5.5p10, 5.5p1, 1",
    "10xyz, 10.1xyz, -1",
    "xyz10, xyz10.1, -1",
    "xyz.4, 8, -1",
    "1.0aa, 1.0a, 1",
    "2.0.0, 2_0.0, 0",
    "1b.fc17, 1.fc17, -1",
    "010, 10, 0",
    "1.0~rc1, 1.0, -1",
    "1.0~rc1, 1.0~rc2, -1",
    "1.0~rc1~git123, 1.0~rc1, -1",
    "1.0^, 1.0, 1",
    "1.0^git1, 1.0, 1",
    "1.0^git1, 1.0^git2, -1",
    "1.0^git1, 1.01, -1",
    "1.0^20160101, 1.0.1, -1",
    "1.0~rc1^git1, 1.0~rc1, 1",
    "1.0^git1~pre, 1.0^git1, -1",
    "99999999999999999999, 100000000000000000000, -1",
  })
  void comparesLikeRpmvercmp(String a, String b, int expected) {
    assertEquals(expected, RpmVersion.rpmvercmp(a, b));
    assertEquals(-expected, RpmVersion.rpmvercmp(b, a));
  }

  @Test
  void epochOutweighsVersionAndReleaseBreaksTies() {
    List<RpmVersion> sorted =
        List.of("1.0-1", "1.0-2", "1.1~rc1-1", "1.1-1", "1.1^git1-1", "1:0.1-1", "2:0-0").stream()
            .map(RpmVersion::parse)
            .toList();
    List<RpmVersion> shuffled = new ArrayList<>(sorted);
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertEquals(sorted, shuffled);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.0-1", "3:1.2~beta^git1-4.el9", "0.1-0.rc1.fc40"})
  void toStringRoundTrips(String text) {
    RpmVersion version = RpmVersion.parse(text);
    assertEquals(version, RpmVersion.parse(version.toString()));
    assertEquals(text, version.toString());
  }

  @Test
  void zeroEpochIsTheSameAsNone() {
    assertEquals(RpmVersion.parse("1.0-1"), RpmVersion.parse("0:1.0-1"));
    assertEquals("1.0-1", RpmVersion.parse("0:1.0-1").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ":1.0", "a:1.0", "1.0-", "-1", "1.0 -1", "1:", "99999999999:1"})
  void refusesWhatIsNotAnEvr(String text) {
    assertThrows(IllegalArgumentException.class, () -> RpmVersion.parse(text));
  }

  @Test
  void nevraRoundTripsAndNamesTheFile() {
    Nevra nevra = Nevra.parse("pin-rich-3:1.2~beta^git1-4.el9.x86_64");
    assertEquals("pin-rich", nevra.name());
    assertEquals(new RpmVersion(3, "1.2~beta^git1", "4.el9"), nevra.evr());
    assertEquals("x86_64", nevra.arch());
    assertEquals("pin-rich-3:1.2~beta^git1-4.el9.x86_64", nevra.toString());
    assertEquals("pin-rich-1.2~beta^git1-4.el9.x86_64.rpm", nevra.fileName());
    assertTrue(Nevra.parse("a-1-1.src").evr().compareTo(RpmVersion.parse("1-1")) == 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"noversion", "name-1.x86_64", "-1-1.x86_64", "a b-1-1.noarch"})
  void refusesWhatIsNotANevra(String text) {
    assertThrows(IllegalArgumentException.class, () -> Nevra.parse(text));
  }
}
