package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.python.SdistBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Packages of every format cut short at many points and with bytes flipped: whatever the command
 * makes of each, a refusal is one line naming the file and saying what is wrong in plain words,
 * never a Java class name or a decoder's jargon.
 */
class BrokenPackagesTest {

  @TempDir Path dir;

  record Sample(String name, byte[] bytes, Function<Path, List<String>> command) {}

  static Stream<Arguments> samples() throws IOException {
    List<Arguments> samples = new ArrayList<>();
    for (DebBuilder.Compression c : DebBuilder.Compression.values()) {
      byte[] deb =
          DebBuilder.of("hello", "1.0", "amd64").controlCompression(c).dataCompression(c).build();
      samples.add(
          Arguments.of(
              new Sample(
                  "hello_1.0_amd64.deb",
                  deb,
                  f -> List.of("deb", "publish", "--dist", "stable", f.toString()))));
    }
    Path tmp = Files.createTempDirectory("broken-samples");
    try {
      Path wheel = WheelBuilder.of("demo", "1.0").writeTo(tmp);
      samples.add(Arguments.of(pypi(wheel)));
      for (SdistBuilder.Format f : SdistBuilder.Format.values()) {
        Path sdist = SdistBuilder.of("demo", "1.0").format(f).writeTo(tmp.resolve(f.name()));
        samples.add(Arguments.of(pypi(sdist)));
      }
    } finally {
      DemoEndToEndTest.deleteTree(tmp);
    }
    String pom =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project><modelVersion>4.0.0</modelVersion>"
            + "<groupId>com.example</groupId><artifactId>demo</artifactId><version>1.0</version>"
            + "</project>\n";
    samples.add(
        Arguments.of(
            new Sample(
                "demo-1.0.pom",
                pom.getBytes(StandardCharsets.UTF_8),
                f -> List.of("maven", "deploy", f.toString()))));
    return samples.stream();
  }

  private static Sample pypi(Path file) throws IOException {
    return new Sample(
        file.getFileName().toString(),
        Files.readAllBytes(file),
        f -> List.of("pypi", "publish", f.toString()));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyRefusalOfABrokenPackageIsOnePlainLineNamingIt(Sample sample) throws IOException {
    byte[] good = sample.bytes();
    List<byte[]> broken = new ArrayList<>();
    for (int i = 1; i < 16; i++) {
      broken.add(Arrays.copyOf(good, good.length * i / 16));
    }
    // Damage where the archive's own structure is (its first bytes): contents are not checked.
    Random random = new Random(13);
    for (int i = 0; i < 10; i++) {
      byte[] flipped = good.clone();
      flipped[random.nextInt(Math.min(200, flipped.length))] ^= (byte) (1 + random.nextInt(255));
      broken.add(flipped);
    }
    int refused = 0;
    for (int i = 0; i < broken.size(); i++) {
      Path file = Files.createDirectories(dir.resolve("case" + i)).resolve(sample.name());
      Files.write(file, broken.get(i));
      List<String> args = new ArrayList<>(sample.command().apply(file));
      args.addAll(List.of("--repo", dir.resolve("repo" + i).toString()));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      if (run.status() != 0) {
        refused++;
        run.assertOneLineFailure(file.toString());
        assertFalse(run.err().contains("Invalid header"), run.err());
        assertFalse(run.err().contains("CEN header"), run.err());
        assertFalse(run.err().contains(": null"), run.err());
      }
    }
    // Some damage goes unnoticed (bytes in a member's contents): that is the format's call.
    assertTrue(refused > 0, "none of " + broken.size() + " refused");
  }

  @Test
  void aZipNamedLikeADebIsNotADebianPackage() throws IOException {
    Path wheel = WheelBuilder.of("demo", "1.0").writeTo(dir);
    Path deb = Files.copy(wheel, dir.resolve("demo_1.0_all.deb"));
    CliRun.of(
            "deb",
            "publish",
            "--repo",
            dir.resolve("repo").toString(),
            "--dist",
            "s",
            deb.toString())
        .assertOneLineFailure(
            deb
                + ": not a readable Debian package: it does not start with the ar archive signature");
  }

  @Test
  void aDebCutShortSaysItEndsTooEarly() throws IOException {
    byte[] deb = DebBuilder.of("hello", "1.0", "amd64").build();
    Path cut = Files.write(dir.resolve("hello_1.0_amd64.deb"), Arrays.copyOf(deb, 134));
    CliRun.of(
            "deb",
            "publish",
            "--repo",
            dir.resolve("repo").toString(),
            "--dist",
            "s",
            cut.toString())
        .assertOneLineFailure(cut + ": the file is truncated");
  }

  @Test
  void aPomCutShortSaysWhereTheXmlEnds() throws IOException {
    Path pom = Files.writeString(dir.resolve("demo-1.0.pom"), "<project>\n  <groupId>com.ex");
    CliRun.of("maven", "deploy", "--repo", dir.resolve("repo").toString(), pom.toString())
        .assertOneLineFailure(
            pom + ": ends before its XML is complete (is it truncated?) (line 2, column ");
  }

  @Test
  void aConflictNamesTheCommandLineOptionThatReplaces() throws IOException {
    String repo = dir.resolve("repo").toString();
    Path first = DebBuilder.of("hello", "1.0", "amd64").writeTo(dir.resolve("a"));
    Path other =
        DebBuilder.of("hello", "1.0", "amd64").field("Section", "misc").writeTo(dir.resolve("b"));
    assertEquals(
        0, CliRun.of("deb", "publish", "--repo", repo, "--dist", "s", first.toString()).status());
    CliRun run = CliRun.of("deb", "publish", "--repo", repo, "--dist", "s", other.toString());
    run.assertOneLineFailure("--replace");
    assertFalse(run.err().contains("replace-on-conflict"), run.err());
  }

  @Test
  void eachUnusableFileOfABatchGetsItsOwnLine() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty-1.0-py3-none-any.whl"));
    Path folder = Files.createDirectories(dir.resolve("folder-1.0.tar.gz"));
    Path missing = dir.resolve("missing-1.0.zip");
    Path good = WheelBuilder.of("good", "1.0").writeTo(dir);
    CliRun run =
        CliRun.of(
            "pypi",
            "publish",
            "--repo",
            dir.resolve("repo").toString(),
            empty.toString(),
            good.toString(),
            folder.toString(),
            missing.toString());
    assertEquals(1, run.status(), run.err());
    assertEquals(
        List.of(
            "pinrepo: " + empty + ": an empty file (it ends before its first byte)",
            "pinrepo: " + folder + ": a directory, not a file",
            "pinrepo: " + missing + ": no such file"),
        run.err().lines().toList());
    assertFalse(Files.exists(dir.resolve("repo")), "a refused batch wrote into the repository");
  }
}
