package io.pinrepo.rpm.version;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * {@link RpmVersion#rpmvercmp} and {@link RpmVersion#compareTo} agree with the real rpm on
 * generated versions: each try sends a batch of pairs to one rpm process.
 */
class OrderingMatchesRpmProperties {
  private static final String CHARS = "0123456789abzAZ.._~^+";

  @Property(tries = 25)
  void rpmvercmpMatchesRpm(@ForAll("versionPairs") List<Tuple2<String, String>> pairs) {
    List<Integer> expected = RpmLua.vercmp(pairs);
    List<Integer> actual = new ArrayList<>();
    for (Tuple2<String, String> pair : pairs) {
      actual.add(RpmVersion.rpmvercmp(pair.get1(), pair.get2()));
    }
    assertEquals(expected, actual, () -> mismatches(pairs, expected, actual));
  }

  @Property(tries = 15)
  void evrOrderMatchesRpm(@ForAll("evrPairs") List<Tuple2<String, String>> pairs) {
    List<Integer> expected = RpmLua.vercmp(pairs);
    List<Integer> actual = new ArrayList<>();
    for (Tuple2<String, String> pair : pairs) {
      int c = RpmVersion.parse(pair.get1()).compareTo(RpmVersion.parse(pair.get2()));
      actual.add(Integer.signum(c));
    }
    assertEquals(expected, actual, () -> mismatches(pairs, expected, actual));
  }

  @Provide
  Arbitrary<List<Tuple2<String, String>>> versionPairs() {
    return pairs(version()).list().ofMinSize(1).ofMaxSize(200);
  }

  @Provide
  Arbitrary<List<Tuple2<String, String>>> evrPairs() {
    Arbitrary<String> epoch = Arbitraries.of("", "0:", "1:", "2:", "10:");
    Arbitrary<String> release =
        Arbitraries.oneOf(Arbitraries.just(""), version().map(r -> "-" + r));
    Arbitrary<String> evr =
        Combinators.combine(epoch, version(), release).as((e, v, r) -> e + v + r);
    return pairs(evr).list().ofMinSize(1).ofMaxSize(200);
  }

  /** Pairs that are often close: the same, one edited, or unrelated. */
  private static Arbitrary<Tuple2<String, String>> pairs(Arbitrary<String> values) {
    Arbitrary<Tuple2<String, String>> unrelated = Combinators.combine(values, values).as(Tuple::of);
    Arbitrary<Tuple2<String, String>> same = values.map(v -> Tuple.of(v, v));
    Arbitrary<Tuple2<String, String>> edited =
        Combinators.combine(values, Arbitraries.strings().withChars(CHARS).ofMaxLength(3))
            .as((v, suffix) -> Tuple.of(v, v + suffix));
    return Arbitraries.frequencyOf(Tuple.of(5, unrelated), Tuple.of(1, same), Tuple.of(4, edited));
  }

  private static Arbitrary<String> version() {
    return Arbitraries.strings().withChars(CHARS).ofMinLength(1).ofMaxLength(12);
  }

  private static String mismatches(
      List<Tuple2<String, String>> pairs, List<Integer> expected, List<Integer> actual) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pairs.size(); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        s.append(pairs.get(i)).append(": rpm ").append(expected.get(i));
        s.append(", ours ").append(actual.get(i)).append('\n');
      }
    }
    return s.toString();
  }
}
