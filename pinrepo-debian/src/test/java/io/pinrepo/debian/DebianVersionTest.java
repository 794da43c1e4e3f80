package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.testkit.clients.Programs;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DebianVersionTest {

  @Test
  void ordersAsPolicySays() {
    List<String> ascending =
        List.of("1.0~rc1", "1.0", "1.0-1", "1.0a", "1.0+b1", "1.1", "1.10", "2:0.1", "2:0.1-1");
    for (int i = 0; i + 1 < ascending.size(); i++) {
      DebianVersion low = DebianVersion.parse(ascending.get(i));
      DebianVersion high = DebianVersion.parse(ascending.get(i + 1));
      assertTrue(low.compareTo(high) < 0, low + " < " + high);
      assertTrue(high.compareTo(low) > 0, high + " > " + low);
    }
  }

  @Test
  void equalityFollowsTheOrderNotTheText() {
    assertEquals(DebianVersion.parse("1.0"), DebianVersion.parse("1.0-0"));
    assertEquals(DebianVersion.parse("1.0"), DebianVersion.parse("0:1.0"));
    assertEquals(DebianVersion.parse("1.0").hashCode(), DebianVersion.parse("1.00-0").hashCode());
    assertEquals("0:1.0", DebianVersion.parse("0:1.0").toString());
  }

  @Test
  void comparesDigitRunsLongerThanALong() {
    DebianVersion big = DebianVersion.parse("1.123456789012345678901234567890");
    DebianVersion bigger = DebianVersion.parse("1.123456789012345678901234567891");
    assertTrue(big.compareTo(bigger) < 0);
    assertEquals(big, DebianVersion.parse("1.000123456789012345678901234567890"));
  }

  @Test
  void rejectsInvalidVersions() {
    for (String bad : List.of("", "a1.0", "1.0-", "x:1.0", "1.0 beta", "1.0-a_b", "1:")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DebianVersion.parse(bad));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  @Property(tries = 250)
  void agreesWithDpkg(@ForAll("versions") String a, @ForAll("versions") String b) {
    Assume.that(Programs.installed("dpkg"));
    int ours = Integer.signum(DebianVersion.parse(a).compareTo(DebianVersion.parse(b)));
    int dpkg =
        Programs.run(Path.of("."), "dpkg", "--compare-versions", a, "lt", b).exit() == 0
            ? -1
            : Programs.run(Path.of("."), "dpkg", "--compare-versions", a, "eq", b).exit() == 0
                ? 0
                : 1;
    assertEquals(dpkg, ours, a + " vs " + b);
  }

  @Property(tries = 500)
  void equalVersionsHaveEqualHashes(@ForAll("versions") String a, @ForAll("versions") String b) {
    DebianVersion x = DebianVersion.parse(a);
    DebianVersion y = DebianVersion.parse(b);
    if (x.equals(y)) {
      assertEquals(x.hashCode(), y.hashCode(), a + " = " + b);
    }
    assertEquals(x.compareTo(y) == 0, x.equals(y));
    assertEquals(a, x.toString());
  }

  @Provide
  Arbitrary<String> versions() {
    Arbitrary<String> epoch = Arbitraries.of("", "0:", "1:", "2:", "10:");
    Arbitrary<String> upstream =
        Combinators.combine(
                Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(3),
                Arbitraries.strings().withChars("0123456789.+~a0z").ofMaxLength(6),
                Arbitraries.of("", "1234567890123456789012", "00"))
            .as((a, b, c) -> a + b + c);
    Arbitrary<String> revision =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.strings()
                .withChars("0123456789.+~b")
                .ofMinLength(1)
                .ofMaxLength(4)
                .map(r -> "-" + r));
    return Combinators.combine(epoch, upstream, revision).as((e, u, r) -> e + u + r);
  }
}
