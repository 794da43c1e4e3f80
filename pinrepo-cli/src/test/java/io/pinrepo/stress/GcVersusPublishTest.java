package io.pinrepo.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.debian.AptRepository;
import io.pinrepo.debian.PackageSelector;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.format.Retention;
import io.pinrepo.maven.MavenRepository;
import io.pinrepo.pypi.PypiFormat;
import io.pinrepo.pypi.PypiRepository;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.version.Pep440Version;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GC running again and again while threads publish new packages and publish again packages that
 * were removed days ago (so their pool files are old, unreferenced and due for collection): GC
 * never deletes a file that a committed index names.
 */
class GcVersusPublishTest {
  private static final int THREADS = 3;
  private static final int NEW_EACH = 4;
  private static final int REMOVED = 3;
  private static final int ROUNDS = 2;

  @TempDir Path dir;

  @Test
  void aptGcNeverDeletesWhatACommittedIndexNames() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    InMemoryStorage storage = new InMemoryStorage(clock, 50);
    AptRepository repo = AptRepository.builder(storage).clock(clock).build();
    GcRace race = new GcRace(storage, clock, List.of(repo.format()));
    Set<String> reported = new TreeSet<>();
    GcRace.Figures figures = GcRace.NONE;
    for (int round = 0; round < ROUNDS; round++) {
      String old = "old" + round + "x";
      for (int i = 0; i < THREADS * REMOVED; i++) {
        repo.publishSources("stable", "main", List.of(deb(old + i)));
      }
      for (int i = 0; i < THREADS * REMOVED; i++) {
        repo.remove("stable", "main", PackageSelector.named(old + i));
      }
      clock.advance(Duration.ofDays(2));
      List<List<GcRace.Publish>> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<GcRace.Publish> publishes = new ArrayList<>();
        for (int i = 0; i < NEW_EACH; i++) {
          String name = "new" + round + "x" + t + "x" + i;
          publishes.add(() -> publishDeb(repo, name));
          if (i < REMOVED) {
            String again = old + (t * REMOVED + i);
            publishes.add(() -> publishDeb(repo, again));
          }
        }
        threads.add(publishes);
      }
      figures = figures.plus(race.run(threads, reported));
    }
    Set<String> listed = new TreeSet<>();
    repo.list("stable").forEach(ref -> listed.add(ref.name()));
    assertSettled(race, figures, reported, listed, "apt");
    race.collectAged();
    assertEquals(List.of(), race.verify(), "after a final collection");
  }

  @Test
  void pypiGcNeverDeletesWhatACommittedIndexNames() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    InMemoryStorage storage = new InMemoryStorage(clock, 50);
    PypiRepository repo = PypiRepository.builder(storage).clock(clock).build();
    ProjectName project = ProjectName.of("race");
    GcRace race = new GcRace(storage, clock, List.of(new PypiFormat()));
    Set<String> reported = new TreeSet<>();
    GcRace.Figures figures = GcRace.NONE;
    for (int round = 0; round < ROUNDS; round++) {
      String old = round + ".0.";
      for (int i = 0; i < THREADS * REMOVED; i++) {
        repo.publish(wheel(old + i));
      }
      for (int i = 0; i < THREADS * REMOVED; i++) {
        repo.deleteVersion(project, Pep440Version.parse(old + i));
      }
      clock.advance(Duration.ofDays(2));
      List<List<GcRace.Publish>> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<GcRace.Publish> publishes = new ArrayList<>();
        for (int i = 0; i < NEW_EACH; i++) {
          Path fresh = wheel(round + "." + (t + 1) + "." + i);
          publishes.add(() -> publishWheel(repo, fresh));
          if (i < REMOVED) {
            Path again = wheel(old + (t * REMOVED + i));
            publishes.add(() -> publishWheel(repo, again));
          }
        }
        threads.add(publishes);
      }
      figures = figures.plus(race.run(threads, reported));
    }
    Set<String> listed = new TreeSet<>();
    repo.read(project).orElseThrow().files().forEach(f -> listed.add(f.fileName()));
    assertSettled(race, figures, reported, listed, "pypi");
    race.collectAged();
    assertEquals(List.of(), race.verify(), "after a final collection");
  }

  @Test
  void mavenGcNeverDeletesWhatCommittedMetadataNames() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    InMemoryStorage storage = new InMemoryStorage(clock, 50);
    MavenRepository deployer =
        MavenRepository.builder(storage).clock(clock).retention(Retention.keepNewest(1)).build();
    GcRace race = new GcRace(storage, clock, List.of(deployer.format()));
    Set<String> reported = new TreeSet<>();
    GcRace.Figures figures = GcRace.NONE;
    int newestBuild = 0;
    for (int round = 0; round < ROUNDS; round++) {
      // Garbage: snapshot builds a deployer keeping every build left, which GC keeping one prunes.
      MavenRepository keepingAll = MavenRepository.builder(storage).clock(clock).build();
      String aged = "1." + round + "-SNAPSHOT";
      for (int i = 0; i < THREADS * REMOVED; i++) {
        keepingAll.deploy(StressPublisher.deployment(aged));
      }
      clock.advance(Duration.ofDays(2));
      List<List<GcRace.Publish>> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<GcRace.Publish> publishes = new ArrayList<>();
        for (int i = 0; i < NEW_EACH; i++) {
          String release = round + "." + t + "." + i;
          publishes.add(
              () -> {
                deployer.deploy(StressPublisher.deployment(release));
                return "release " + release;
              });
          publishes.add(
              () ->
                  "snapshot "
                      + deployer
                          .deploy(StressPublisher.deployment("2.0-SNAPSHOT"))
                          .added()
                          .get(0)
                          .buildNumber());
        }
        // Late in the race, a deploy into the version whose old builds GC is collecting.
        publishes.add(
            () ->
                "aged "
                    + deployer
                        .deploy(StressPublisher.deployment(aged))
                        .added()
                        .get(0)
                        .fileVersion());
        threads.add(publishes);
      }
      figures = figures.plus(race.run(threads, reported));
    }
    for (String r : reported) {
      if (r.startsWith("snapshot ")) {
        newestBuild = Math.max(newestBuild, Integer.parseInt(r.substring("snapshot ".length())));
      }
    }
    Set<String> listed = new TreeSet<>();
    Repo.listed(storage).stream()
        .filter(l -> l.startsWith("maven "))
        .forEach(l -> listed.add("release " + l.substring("maven ".length())));
    String snapshot = Repo.text(storage, "io/pinrepo/stress/demo/2.0-SNAPSHOT/maven-metadata.xml");
    assertTrue(
        snapshot.contains("<buildNumber>" + newestBuild + "</buildNumber>"),
        "the newest reported build is the current one: " + snapshot);
    reported.removeIf(r -> r.startsWith("snapshot ") || r.startsWith("aged "));
    listed.retainAll(reported);
    assertEquals(reported, listed);
    assertEquals(List.of(), race.verify(), "verify after the race");
    assertEquals(0, figures.missingSeen(), figures.toString());
    assertEquals(0, figures.wrongDeletions(), figures.toString());
    System.out.printf("gc vs publish (maven): threads %d, %s%n", THREADS, figures);
    race.collectAged();
    assertEquals(List.of(), race.verify(), "after a final collection");
  }

  private static void assertSettled(
      GcRace race, GcRace.Figures figures, Set<String> reported, Set<String> listed, String format)
      throws Exception {
    assertEquals(List.of(), race.verify(), "verify after the race");
    Set<String> lost = new TreeSet<>(reported);
    lost.removeAll(listed);
    assertEquals(Set.of(), lost, "reported but not listed");
    assertEquals(ROUNDS * THREADS * (NEW_EACH + REMOVED), reported.size());
    assertEquals(0, figures.missingSeen(), figures.toString());
    assertEquals(0, figures.wrongDeletions(), figures.toString());
    assertTrue(figures.gcRuns() > 0, figures.toString());
    System.out.printf("gc vs publish (%s): threads %d, %s%n", format, THREADS, figures);
  }

  private static String publishDeb(AptRepository repo, String name) throws java.io.IOException {
    repo.publishSources("stable", "main", List.of(deb(name)));
    return name;
  }

  private String publishWheel(PypiRepository repo, Path wheel) throws java.io.IOException {
    return repo.publish(wheel).added().get(0).fileName();
  }

  private static ContentSource deb(String name) {
    return ContentSource.ofBytes(DebBuilder.of(name, "1.0", "amd64").build());
  }

  private Path wheel(String version) throws java.io.IOException {
    return WheelBuilder.of("race", version).writeTo(dir.resolve(version));
  }
}
