package io.pinrepo.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.version.Pep440Version;
import io.pinrepo.server.RepositoryServer;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.clients.Pip;
import io.pinrepo.testkit.clients.Programs;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real pip, pointed at a repository served over loopback, picks what PEP 440, 592 and
 * Requires-Python say it should. Three pip runs in all, each resolving several projects at once.
 */
class PipInstallsFromRepositoryTest {

  @TempDir static Path dir;
  static InMemoryStorage storage;

  @BeforeAll
  static void publishFixtures() throws IOException {
    Pip.require();
    storage =
        new InMemoryStorage(
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), 100);
    PypiRepository repo = PypiRepository.on(storage);
    Path wheels = dir.resolve("wheels");
    List<Path> files = new ArrayList<>();
    files.add(WheelBuilder.of("demo-pin", "1.0").writeTo(wheels));
    files.add(WheelBuilder.of("demo-pin", "1.1").requiresPython(">=3.8").writeTo(wheels));
    files.add(WheelBuilder.of("demo-pin", "1.2").writeTo(wheels));
    files.add(WheelBuilder.of("demo-pin", "2.0rc1").writeTo(wheels));
    files.add(WheelBuilder.of("gate", "1.0").writeTo(wheels));
    files.add(WheelBuilder.of("gate", "2.0").requiresPython(">=4").writeTo(wheels));
    files.add(WheelBuilder.of("pinned", "1.0").writeTo(wheels));
    files.add(WheelBuilder.of("pinned", "1.1").writeTo(wheels));
    files.add(WheelBuilder.of("tampered", "1.0").writeTo(wheels));
    files.add(metadata25("modern-pin", "1.0").writeTo(wheels));
    files.add(metadata25("modern-pin", "1.1").metadataVersion("2.7").writeTo(wheels));
    for (Path f : files) {
      repo.publish(f);
    }
    repo.yank(ProjectName.of("demo-pin"), Pep440Version.parse("1.2"), "broken <build>");
    repo.yank(ProjectName.of("pinned"), Pep440Version.parse("1.1"), "");
    Path other =
        WheelBuilder.of("tampered", "1.0").summary("other bytes").writeTo(dir.resolve("other"));
    storage.write(
        SimpleLayout.file(ProjectName.of("tampered"), "tampered-1.0-py3-none-any.whl"),
        ContentSource.ofPath(other),
        WriteCondition.none());
  }

  /**
   * A wheel whose METADATA is Metadata-Version 2.5 (PEP 794), with the fields of the 2.4 and 2.5
   * wheels hatchling writes (License-Expression, License-File, Import-Name).
   */
  private static WheelBuilder metadata25(String name, String version) {
    return WheelBuilder.of(name, version)
        .metadataVersion("2.5")
        .field("License-Expression", "MIT")
        .field("License-File", "LICENSE.txt")
        .field("Import-Name", name.replace('-', '_'))
        .field("Classifier", "Programming Language :: Python :: 3")
        .requiresPython(">=3.8");
  }

  /** What one pip run did. */
  private record PipRun(int exit, String output, Map<String, String> picked) {}

  private static PipRun pip(Storage served, List<String> requests, List<String> args)
      throws IOException {
    try (RepositoryServer server = RepositoryServer.start(served)) {
      Path report = Files.createTempFile(dir, "report", ".json");
      List<String> options =
          new ArrayList<>(List.of("--ignore-installed", "--report", report.toString()));
      options.addAll(args);
      Programs.Result result =
          Pip.install(dir, server.baseUri().resolve("simple/"), options, requests);
      Map<String, String> picked = new TreeMap<>();
      String json = Files.readString(report);
      Matcher m =
          Pattern.compile("\"name\":\\s*\"([^\"]+)\",\\s*\"version\":\\s*\"([^\"]+)\"")
              .matcher(json);
      while (m.find()) {
        picked.put(ProjectName.of(m.group(1)).value(), m.group(2));
      }
      lastRequests = server.requests();
      return new PipRun(result.exit(), result.out() + result.err(), picked);
    }
  }

  private static List<RepositoryServer.Request> lastRequests = List.of();

  @Test
  void pipPicksNewestFinalSkipsYankedHonoursRequiresPythonAndReadsMetadata() throws Exception {
    PipRun run = pip(storage, List.of("DEMO.pin", "Gate", "pinned==1.1"), List.of("--dry-run"));
    assertEquals(0, run.exit(), run.output());
    assertEquals(Map.of("demo-pin", "1.1", "gate", "1.0", "pinned", "1.1"), run.picked());
    assertTrue(
        lastRequests.stream()
            .anyMatch(r -> r.path().endsWith(".whl.metadata") && r.status() == 200),
        "pip fetched no .metadata file: " + lastRequests);
    assertTrue(
        lastRequests.stream()
            .anyMatch(r -> r.path().equals("/simple/demo-pin/") && r.accept().contains("json")),
        "pip did not ask for the JSON page: " + lastRequests);
  }

  @Test
  void pipReadsTheHtmlPagesWithPreReleasesAllowed() throws Exception {
    PipRun run =
        pip(
            new HtmlOnlyStorage(storage),
            List.of("demo_pin", "gate", "pinned==1.1"),
            List.of("--dry-run", "--pre"));
    assertEquals(0, run.exit(), run.output());
    assertEquals(Map.of("demo-pin", "2.0rc1", "gate", "1.0", "pinned", "1.1"), run.picked());
  }

  @Test
  void pipInstallsWheelsOfMetadataVersion25AndANewerMinorVersion() throws Exception {
    Path target = dir.resolve("modern");
    PipRun run = pip(storage, List.of("modern-pin"), List.of("--target", target.toString()));
    assertEquals(0, run.exit(), run.output());
    assertEquals(Map.of("modern-pin", "1.1"), run.picked());
    assertEquals("VERSION = '1.1'\n", Files.readString(target.resolve("modern_pin/__init__.py")));
    PipRun older =
        pip(storage, List.of("modern-pin==1.0"), List.of("--target", target.toString() + "0"));
    assertEquals(0, older.exit(), older.output());
    assertTrue(
        Files.readString(dir.resolve("modern0/modern_pin-1.0.dist-info/METADATA"))
            .startsWith("Metadata-Version: 2.5\n"));
  }

  @Test
  void pipRefusesAFileWhoseBytesDoNotMatchTheIndexHash() throws Exception {
    PipRun run =
        pip(storage, List.of("tampered"), List.of("--target", dir.resolve("t").toString()));
    assertNotEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("HASHES"), run.output());
  }
}
