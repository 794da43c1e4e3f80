package io.pinrepo.pypi.version;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Assumptions;

/**
 * Parsing, normalising and ordering agree with pip's vendored {@code packaging.version} on this
 * machine. One long-lived python3 process answers every batch of comparisons.
 */
class OrderingMatchesPipProperties {

  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys",
          "from pip._vendor.packaging.version import Version",
          "for line in sys.stdin:",
          "    a, b = line.rstrip('\\n').split('\\t')",
          "    try:",
          "        va, vb = Version(a), Version(b)",
          "        print(f'{(va > vb) - (va < vb)}\\t{va}\\t{vb}', flush=True)",
          "    except Exception as e:",
          "        print(f'ERR\\t{e}', flush=True)",
          "");

  private static Process python;
  private static BufferedWriter toPython;
  private static BufferedReader fromPython;

  @BeforeContainer
  static void startPython() throws IOException, InterruptedException {
    Process probe =
        new ProcessBuilder("python3", "-c", "from pip._vendor.packaging.version import Version")
            .redirectErrorStream(true)
            .start();
    Assumptions.assumeTrue(
        probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0,
        "python3 with pip's vendored packaging is not available");
    python = new ProcessBuilder("python3", "-u", "-c", SCRIPT).start();
    toPython =
        new BufferedWriter(
            new OutputStreamWriter(python.getOutputStream(), StandardCharsets.UTF_8));
    fromPython =
        new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
  }

  @AfterContainer
  static void stopPython() throws IOException {
    if (python != null) {
      toPython.close();
      python.destroy();
    }
  }

  @Property(tries = 40)
  void orderingAndNormalFormMatchPackaging(
      @ForAll @Size(min = 50, max = 50) List<@From("versions") String> versions)
      throws IOException {
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      pairs.add(new String[] {versions.get(i), versions.get((i * 7 + 3) % versions.size())});
    }
    for (String[] p : pairs) {
      toPython.write(p[0] + "\t" + p[1] + "\n");
    }
    toPython.flush();
    for (String[] p : pairs) {
      String[] answer = fromPython.readLine().split("\t");
      Pep440Version a = Pep440Version.parse(p[0]);
      Pep440Version b = Pep440Version.parse(p[1]);
      String what = p[0] + " vs " + p[1] + ": python said " + String.join(" ", answer);
      assertEquals(3, answer.length, what);
      assertEquals(Integer.parseInt(answer[0]), Integer.signum(a.compareTo(b)), what);
      assertEquals(answer[1], a.toString(), p[0]);
      assertEquals(answer[2], b.toString(), p[1]);
    }
  }

  @Provide
  Arbitrary<String> versions() {
    Arbitrary<String> num =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 3).map(String::valueOf),
            Arbitraries.of("00", "01", "10", "99999999999999999999"));
    Arbitrary<String> sep = Arbitraries.of("", ".", "-", "_");
    Arbitrary<String> epoch = Arbitraries.oneOf(Arbitraries.just(""), num.map(n -> n + "!"));
    Arbitrary<String> release = num.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<String> pre =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Combinators.combine(
                    sep,
                    Arbitraries.of("a", "alpha", "b", "beta", "c", "rc", "pre", "preview", "RC"),
                    sep,
                    Arbitraries.oneOf(Arbitraries.just(""), num))
                .as((s1, l, s2, n) -> n.isEmpty() ? s1 + l : s1 + l + s2 + n));
    Arbitrary<String> post =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            num.map(n -> "-" + n),
            Combinators.combine(sep, Arbitraries.of("post", "rev", "r"), sep, num)
                .as((s1, l, s2, n) -> s1 + l + s2 + n));
    Arbitrary<String> dev =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Combinators.combine(
                    sep, Arbitraries.of("dev", "DEV"), Arbitraries.oneOf(Arbitraries.just(""), num))
                .as((s, l, n) -> s + l + n));
    Arbitrary<String> local =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.of("abc", "1", "01", "x1", "Z", "2")
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(l -> "+" + String.join(".", l)));
    return Combinators.combine(epoch, release, pre, post, dev, local)
        .as((e, r, p, po, d, l) -> e + r + p + po + d + l)
        .filter(s -> Pep440Version.tryParse(s).isPresent());
  }
}
