package io.pinrepo.pypi.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.testkit.clients.Programs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The specifier syntax agrees with the packaging library's SpecifierSet, which PyPI uses. */
class VersionSpecifiersTest {

  static final List<String> SAMPLES =
      List.of(
          ">=3.8",
          ">=3",
          ">=3.8, <4",
          ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*",
          "~=3.8",
          "~=3",
          "==3.*",
          "==3.8.*",
          "!=3.9.*",
          "==1.0+local.1",
          ">=1.0+local",
          "<=1.0.*",
          ">=3.8.*",
          "===foobar",
          "===",
          ">=3\"><script>alert(1)</script>",
          ">=3.8,",
          ",>=3.8",
          " >= 3.8 ",
          ">= 3 .8",
          "3.8",
          "=>3.8",
          ">=3.8; os_name=='nt'",
          ">=v3.8",
          ">=3.8rc1",
          ">=3.8.post1.dev2",
          ">=1!2.0",
          "==1!2.*",
          "==3.8rc1.*",
          ">=3.8a",
          ">=not-a-version",
          ">",
          "<3.13,>=3.9",
          "~=2.7.0",
          "~=1.0+local",
          ">=3.\u0661",
          "==3.*.*",
          ">=3.8\n<4",
          "!=3.0.*,!=3.1.*,>=2.7",
          ">=3.8 , <3.99");

  @Test
  void agreesWithPackagingsSpecifierSet() {
    assumeTrue(Programs.installed("python3"), "python3 is not installed");
    StringBuilder script =
        new StringBuilder(
            "import sys, json\n"
                + "from packaging.specifiers import SpecifierSet, InvalidSpecifier\n"
                + "for s in json.load(sys.stdin):\n"
                + "    try:\n        SpecifierSet(s); print('valid')\n"
                + "    except InvalidSpecifier:\n        print('invalid')\n");
    Programs.Result probe =
        Programs.run(Path.of("."), "python3", "-c", "import packaging.specifiers");
    assumeTrue(probe.exit() == 0, "python3 has no packaging library");
    Path input = writeJson();
    Programs.Result run =
        Programs.run(
                Path.of("."),
                "sh",
                "-c",
                "python3 -c \"$0\" < \"$1\"",
                script.toString(),
                input.toString())
            .orFail();
    List<String> expected = run.out().lines().toList();
    List<String> actual = new ArrayList<>();
    for (String s : SAMPLES) {
      actual.add(VersionSpecifiers.isValid(s) ? "valid" : "invalid");
    }
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < SAMPLES.size(); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        disagreements.add("'" + SAMPLES.get(i) + "': packaging says " + expected.get(i));
      }
    }
    assertEquals(List.of(), disagreements);
  }

  private static Path writeJson() {
    try {
      Path file = java.nio.file.Files.createTempFile("specifiers", ".json");
      file.toFile().deleteOnExit();
      StringBuilder json = new StringBuilder("[");
      for (String s : SAMPLES) {
        json.append(json.length() > 1 ? "," : "").append('"');
        for (char c : s.toCharArray()) {
          json.append(
              c < 0x20 || c == '"' || c == '\\' || c > 0x7e
                  ? String.format("\\u%04x", (int) c)
                  : String.valueOf(c));
        }
        json.append('"');
      }
      java.nio.file.Files.writeString(file, json.append(']').toString());
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
