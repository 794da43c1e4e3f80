package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pinrepo.PackageConflictException;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of publishes and removes agree with a simple model: a map from (name, version in
 * dpkg's order, architecture) to the version text published; after every step the repository lists
 * exactly the model and apt's view is consistent.
 */
class PublishModelTest {

  /** One step: publish {@code name version arch}, or remove {@code name} [version]. */
  record Step(boolean publish, String name, String version, String arch, boolean withVersion) {
    @Override
    public String toString() {
      return publish
          ? "publish " + name + " " + version + " " + arch
          : "remove " + name + (withVersion ? " " + version : "");
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.of(true, true, false),
                Arbitraries.of("alpha", "beta", "libgamma1"),
                Arbitraries.of("1.0", "1.0-0", "1.0-1", "2:0.1", "1.0~rc1"),
                Arbitraries.of("amd64", "arm64", "all"),
                Arbitraries.of(true, false))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 40)
  void agreesWithTheModel(@ForAll("steps") List<Step> steps) throws Exception {
    InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
    AptRepository repo = AptRepository.builder(storage).clock(Repos.CLOCK).build();
    Map<String, String> model = new TreeMap<>();
    for (Step s : steps) {
      if (s.publish()) {
        Optional<String> listed = find(model, s.name(), s.version(), s.arch());
        if (listed.isPresent() && !listed.get().equals(s.version())) {
          assertThrows(
              PackageConflictException.class,
              () -> repo.publishSources("stable", "main", List.of(deb(s))),
              s::toString);
        } else {
          repo.publishSources("stable", "main", List.of(deb(s)));
          model.put(key(s.name(), s.version(), s.arch()), s.version());
        }
      } else {
        repo.remove(
            "stable",
            "main",
            s.withVersion()
                ? PackageSelector.named(s.name()).withVersion(DebianVersion.parse(s.version()))
                : PackageSelector.named(s.name()));
        model.keySet().removeIf(k -> matches(k, model.get(k), s));
      }
      assertEquals(expected(model), listed(repo), steps.toString());
    }
    if (!model.isEmpty()) {
      Repos.assertConsistent(storage, "stable");
    }
  }

  private static io.pinrepo.spi.ContentSource deb(Step s) {
    return Repos.deb(s.name(), s.version(), s.arch());
  }

  private static String key(String name, String version, String arch) {
    DebianVersion v = DebianVersion.parse(version);
    return name + "|" + arch + "|" + v.epoch() + ":" + v.upstream() + "|" + canonicalRevision(v);
  }

  private static String canonicalRevision(DebianVersion v) {
    return v.revision().isEmpty() || v.revision().equals("0") ? "" : v.revision();
  }

  private static Optional<String> find(
      Map<String, String> model, String name, String version, String arch) {
    return Optional.ofNullable(model.get(key(name, version, arch)));
  }

  private static boolean matches(String key, String version, Step s) {
    return key.startsWith(s.name() + "|")
        && (!s.withVersion()
            || DebianVersion.parse(version).equals(DebianVersion.parse(s.version())));
  }

  private static List<String> expected(Map<String, String> model) {
    List<String> lines = new ArrayList<>();
    model.forEach((k, v) -> lines.add(k.split("\\|")[0] + " " + v + " " + k.split("\\|")[1]));
    return lines.stream()
        .sorted(
            java.util.Comparator.comparing((String l) -> l.split(" ")[0])
                .thenComparing(l -> DebianVersion.parse(l.split(" ")[1]))
                .thenComparing(l -> l.split(" ")[2]))
        .toList();
  }

  private static List<String> listed(AptRepository repo) throws Exception {
    return repo.list("stable").stream().map(PackageRef::toString).toList();
  }
}
