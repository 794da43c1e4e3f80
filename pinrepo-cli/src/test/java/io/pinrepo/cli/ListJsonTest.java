package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code list --json} of every format prints what a script can parse. */
class ListJsonTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  String repo;

  @BeforeEach
  void publishTheDemo() {
    repo = dir.resolve("repo").toString();
    CliRun run = CliRun.of("demo", repo, "--no-serve");
    assertEquals(0, run.status(), run.err());
  }

  JsonNode json(String... args) throws Exception {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.status(), run.err());
    return JSON.readTree(run.out());
  }

  @Test
  void debListNamesEachPackageWithItsPoolFile() throws Exception {
    JsonNode list = json("deb", "list", "--repo", repo, "--dist", "stable", "--json");
    assertEquals(1, list.size());
    assertEquals(DemoCommand.NAME, list.get(0).get("package").asText());
    assertEquals(DemoCommand.VERSION, list.get(0).get("version").asText());
    assertEquals("all", list.get(0).get("architecture").asText());
    assertEquals(64, list.get(0).get("sha256").asText().length());
  }

  @Test
  void mavenListNamesArtifactsThenVersions() throws Exception {
    JsonNode artifacts = json("maven", "list", "--repo", repo, "--json");
    String ga = DemoCommand.GROUP + ":" + DemoCommand.NAME;
    assertEquals(ga, artifacts.get(0).asText());
    JsonNode versions = json("maven", "list", "--repo", repo, ga, "--json");
    assertEquals(DemoCommand.VERSION, versions.get(0).get("version").asText());
  }

  @Test
  void pypiListNamesProjectsThenFiles() throws Exception {
    JsonNode projects = json("pypi", "list", "--repo", repo, "--json");
    assertEquals(DemoCommand.NAME, projects.get(0).asText());
    JsonNode files = json("pypi", "list", "--repo", repo, DemoCommand.NAME, "--json");
    assertEquals(DemoCommand.VERSION, files.get(0).get("version").asText());
    assertEquals(
        DemoCommand.NAME.replace('-', '_') + "-1.0.0-py3-none-any.whl",
        files.get(0).get("filename").asText());
  }
}
