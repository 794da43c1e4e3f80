package io.pinrepo.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.debian.AptRepository;
import io.pinrepo.debian.PackageRef;
import io.pinrepo.debian.PackageSelector;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.format.Problem;
import io.pinrepo.format.Retention;
import io.pinrepo.maven.MavenRepository;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.pypi.PypiRepository;
import io.pinrepo.pypi.UnknownReleaseException;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.simple.ProjectPage;
import io.pinrepo.pypi.version.Pep440Version;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.InjectedFaultException;
import io.pinrepo.testkit.memory.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The every-k fault sweep for the paths the format modules' own crash tests do not cover: for k = 1
 * .. (storage operations of a clean run), the k-th operation of any kind fails; afterwards verify
 * finds nothing but a derived page behind its state, the same operation retried succeeds, and then
 * verify is clean and the result is listed.
 */
class FaultSweepTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T01:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  /** One operation under test on a repository that {@code setUp} prepared. */
  interface Scenario {
    void setUp(InMemoryStorage storage) throws IOException;

    void act(InMemoryStorage storage) throws IOException;

    /** Runs the operation again after a fault; by default {@link #act}. */
    default void retry(InMemoryStorage storage) throws IOException {
      act(storage);
    }

    /** After a successful {@link #act}: its result is what the indexes list. */
    void assertDone(InMemoryStorage storage) throws IOException;
  }

  @Test
  void aptRemoveSurvivesAFaultAtEveryOperation() throws Exception {
    sweep(
        "apt remove",
        new Scenario() {
          @Override
          public void setUp(InMemoryStorage s) throws IOException {
            AptRepository repo = apt(s, Retention.keepAll());
            repo.publishSources("stable", "main", List.of(deb("keep", "1"), deb("gone", "1")));
            repo.publishSources("stable", "contrib", List.of(deb("other", "1")));
          }

          @Override
          public void act(InMemoryStorage s) throws IOException {
            apt(s, Retention.keepAll()).remove("stable", "main", PackageSelector.named("gone"));
          }

          @Override
          public void assertDone(InMemoryStorage s) throws IOException {
            assertEquals(List.of("other", "keep"), aptNames(s));
          }
        });
  }

  @Test
  void aptPublishPruningOlderVersionsSurvivesAFaultAtEveryOperation() throws Exception {
    sweep(
        "apt publish with keep-newest 1",
        new Scenario() {
          @Override
          public void setUp(InMemoryStorage s) throws IOException {
            apt(s, Retention.keepNewest(1))
                .publishSources("stable", "main", List.of(deb("tool", "1"), deb("lib", "1")));
          }

          @Override
          public void act(InMemoryStorage s) throws IOException {
            apt(s, Retention.keepNewest(1))
                .publishSources("stable", "main", List.of(deb("tool", "2")));
          }

          @Override
          public void assertDone(InMemoryStorage s) throws IOException {
            List<String> refs =
                apt(s, Retention.keepAll()).list("stable").stream()
                    .map(PackageRef::toString)
                    .toList();
            assertEquals(List.of("lib 1 amd64", "tool 2 amd64"), refs);
          }
        });
  }

  @Test
  void pypiPublishSurvivesAFaultAtEveryOperation() throws Exception {
    Path wheel = WheelBuilder.of("demo", "2.0").writeTo(dir.resolve("new"));
    sweep(
        "pypi publish (keep newest 2)",
        new Scenario() {
          @Override
          public void setUp(InMemoryStorage s) throws IOException {
            PypiRepository repo = pypi(s, 2);
            repo.publish(WheelBuilder.of("demo", "1.0").writeTo(dir.resolve("a")));
            repo.publish(WheelBuilder.of("demo", "1.1").writeTo(dir.resolve("b")));
          }

          @Override
          public void act(InMemoryStorage s) throws IOException {
            pypi(s, 2).publish(wheel);
          }

          @Override
          public void assertDone(InMemoryStorage s) throws IOException {
            assertEquals(List.of(v("1.1"), v("2.0")), page(s).versions());
          }
        });
  }

  @Test
  void pypiYankSurvivesAFaultAtEveryOperation() throws Exception {
    sweep(
        "pypi yank",
        new Scenario() {
          @Override
          public void setUp(InMemoryStorage s) throws IOException {
            pypi(s, 0).publish(WheelBuilder.of("demo", "1.0").writeTo(dir.resolve("a")));
          }

          @Override
          public void act(InMemoryStorage s) throws IOException {
            pypi(s, 0).yank(ProjectName.of("demo"), v("1.0"), "broken");
          }

          @Override
          public void assertDone(InMemoryStorage s) throws IOException {
            assertTrue(Repo.text(s, "simple/demo/index.html").contains("data-yanked"));
          }
        });
  }

  @Test
  void pypiDeleteVersionSurvivesAFaultAtEveryOperation() throws Exception {
    sweep(
        "pypi delete version",
        new Scenario() {
          @Override
          public void setUp(InMemoryStorage s) throws IOException {
            PypiRepository repo = pypi(s, 0);
            repo.publish(WheelBuilder.of("demo", "1.0").writeTo(dir.resolve("a")));
            repo.publish(WheelBuilder.of("demo", "1.1").writeTo(dir.resolve("b")));
          }

          @Override
          public void act(InMemoryStorage s) throws IOException {
            pypi(s, 0).deleteVersion(ProjectName.of("demo"), v("1.0"));
          }

          @Override
          public void retry(InMemoryStorage s) throws IOException {
            // A delete that committed before the fault is done: deleting again is refused, and
            // the refusal brings the HTML page up to date.
            boolean committed = !page(s).versions().contains(v("1.0"));
            try {
              act(s);
              assertFalse(committed, "a second delete of 1.0 was accepted");
            } catch (UnknownReleaseException e) {
              assertTrue(committed, e.getMessage());
            }
          }

          @Override
          public void assertDone(InMemoryStorage s) throws IOException {
            assertEquals(List.of(v("1.1")), page(s).versions());
            assertFalse(Repo.text(s, "simple/demo/index.html").contains("demo-1.0-"));
          }
        });
  }

  @Test
  void mavenSnapshotDeployPruningOldBuildsSurvivesAFaultAtEveryOperation() throws Exception {
    sweep("maven snapshot deploy (keep 1 build)", maven("2.0-SNAPSHOT"));
  }

  @Test
  void mavenReleaseDeploySurvivesAFaultAtEveryOperation() throws Exception {
    sweep("maven release deploy", maven("1.1"));
  }

  private void sweep(String what, Scenario scenario) throws IOException {
    int tolerated = 0;
    for (int k = 1; ; k++) {
      InMemoryStorage storage = new InMemoryStorage(CLOCK, 50);
      scenario.setUp(storage);
      storage.failOn(Operation.ANY, k);
      boolean crashed = false;
      try {
        scenario.act(storage);
      } catch (InjectedFaultException e) {
        crashed = true;
      }
      storage.clearFault();
      String when = what + ", fault at operation " + k;
      List<Problem> problems = new ArrayList<>(Repo.verify(storage));
      int before = problems.size();
      problems.removeIf(Repo::isBehindItsCommit);
      tolerated += before - problems.size();
      assertEquals(List.of(), problems, when);
      if (crashed) {
        scenario.retry(storage);
      }
      assertEquals(List.of(), Repo.verify(storage), when + ", retried");
      scenario.assertDone(storage);
      assertEquals(0, storage.openStreams(), when);
      if (!crashed) {
        System.out.printf(
            "fault sweep: %s: %d operations, every one failed once; retried fine; legacy or derived"
                + " files left behind the commit by a fault %d%n",
            what, k - 1, tolerated);
        assertTrue(k > 3, what + " took only " + (k - 1) + " operations");
        return;
      }
    }
  }

  private Scenario maven(String version) {
    return new Scenario() {
      @Override
      public void setUp(InMemoryStorage s) throws IOException {
        MavenRepository d = mavenDeployer(s);
        d.deploy(StressPublisher.deployment("1.0"));
        d.deploy(StressPublisher.deployment("2.0-SNAPSHOT"));
      }

      @Override
      public void act(InMemoryStorage s) throws IOException {
        mavenDeployer(s).deploy(StressPublisher.deployment(version));
      }

      @Override
      public void assertDone(InMemoryStorage s) throws IOException {
        assertTrue(gaMetadata(s).orElseThrow().versioning().versions().contains(version));
      }
    };
  }

  private static MavenRepository mavenDeployer(InMemoryStorage s) {
    return MavenRepository.builder(s).clock(CLOCK).retention(Retention.keepNewest(1)).build();
  }

  private static final String GA = "io/pinrepo/stress/demo/";

  private static Optional<MavenMetadata> gaMetadata(InMemoryStorage s) throws IOException {
    return metadata(s, GA + "maven-metadata.xml");
  }

  private static Optional<MavenMetadata> metadata(InMemoryStorage s, String key)
      throws IOException {
    Optional<byte[]> bytes = s.peek(ObjectKey.of(key));
    return bytes.isEmpty() ? Optional.empty() : Optional.of(MavenMetadata.parse(key, bytes.get()));
  }

  private static AptRepository apt(InMemoryStorage s, Retention retention) {
    return AptRepository.builder(s).clock(CLOCK).retention(retention).build();
  }

  private static List<String> aptNames(InMemoryStorage s) throws IOException {
    return apt(s, Retention.keepAll()).list("stable").stream().map(PackageRef::name).toList();
  }

  private static ContentSource deb(String name, String version) {
    return ContentSource.ofBytes(DebBuilder.of(name, version, "amd64").build());
  }

  private static PypiRepository pypi(InMemoryStorage s, int keep) {
    PypiRepository.Builder b = PypiRepository.builder(s).clock(CLOCK);
    return keep > 0 ? b.retention(Retention.keepNewest(keep)).build() : b.build();
  }

  private static ProjectPage page(InMemoryStorage s) throws IOException {
    return pypi(s, 0).read(ProjectName.of("demo")).orElseThrow();
  }

  private static Pep440Version v(String text) {
    return Pep440Version.parse(text);
  }
}
