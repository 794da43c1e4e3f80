package io.pinrepo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.manifest.BuildMetadata;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildPath;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.NewBuild;
import io.pinrepo.build.pointer.PointerName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"web", "billing-api", "a", "svc.v2", "x_1"})
  void acceptsBuildAndPointerNames(String name) {
    assertEquals(name, BuildName.of(name).toString());
    assertEquals(name, PointerName.of(name).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Web", "-web", ".", "..", "a/b", "a b", "web\n", "é"})
  void refusesBadNames(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BuildName.of(name));
    assertTrue(e.getMessage().startsWith("invalid build name"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PointerName.of(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.4.2", "2025.01.02-3f9c2e1", "1.0.0+ci.812", "RC1"})
  void acceptsVersions(String version) {
    assertEquals(version, BuildVersion.of(version).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", "1/2", "-1", "1 2", "1.0\u0000"})
  void refusesBadVersions(String version) {
    assertThrows(IllegalArgumentException.class, () -> BuildVersion.of(version));
  }

  @ParameterizedTest
  @ValueSource(strings = {"app.tar.gz", "bin/server", "a/b/c/.env", "lib/x@1~2=3+4"})
  void acceptsFilePaths(String path) {
    assertEquals(path, BuildPath.of(path).value());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../etc/passwd",
        "a/../../b",
        "/abs",
        "a//b",
        "a/",
        "./a",
        "a\\b",
        "C:",
        "a b",
        "\u0000"
      })
  void refusesPathsThatCouldEscapeTheDestination(String path) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BuildPath.of(path));
    assertTrue(e.getMessage().contains("invalid file path"), e.getMessage());
  }

  @Test
  void refusesTwoFilesUnderOnePath() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Builds.web("1", "a", "x", "a", "y"));
    assertEquals("web 1: two files would be a", e.getMessage());
  }

  @Test
  void refusesAFileThatIsAlsoADirectory() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Builds.web("1", "bin", "x", "bin/app", "y"));
    assertEquals("web 1: bin is a file and also a directory of bin/app", e.getMessage());
  }

  @Test
  void refusesABuildWithoutFiles() {
    assertThrows(
        IllegalArgumentException.class,
        () -> NewBuild.builder(Builds.WEB, BuildVersion.of("1")).build());
  }

  @Test
  void metadataIsSortedAndOneLine() {
    BuildMetadata m = BuildMetadata.empty().with("z", "1").with("commit", "abc").with("z", "2");
    assertEquals(
        List.of(new BuildMetadata.Entry("commit", "abc"), new BuildMetadata.Entry("z", "2")),
        m.entries());
    assertThrows(IllegalArgumentException.class, () -> m.with("note", "two\nlines"));
    assertThrows(IllegalArgumentException.class, () -> m.with("bad key", "v"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BuildMetadata.of(
                List.of(new BuildMetadata.Entry("a", "1"), new BuildMetadata.Entry("a", "2"))));
  }
}
