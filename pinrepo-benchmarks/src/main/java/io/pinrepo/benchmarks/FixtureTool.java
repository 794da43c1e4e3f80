package io.pinrepo.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes the benchmarks' fixtures as files, for the CLI comparison script ({@code
 * scripts/compare.sh}):
 *
 * <pre>
 * java -cp benchmarks.jar io.pinrepo.benchmarks.FixtureTool apt REPO N [SECRET_KEY]
 * java -cp benchmarks.jar io.pinrepo.benchmarks.FixtureTool debs DIR PREFIX FROM COUNT
 * java -cp benchmarks.jar io.pinrepo.benchmarks.FixtureTool maven REPO VERSIONS
 * java -cp benchmarks.jar io.pinrepo.benchmarks.FixtureTool wheels DIR PROJECT FROM COUNT
 * java -cp benchmarks.jar io.pinrepo.benchmarks.FixtureTool pypi REPO PROJECTS
 * </pre>
 *
 * {@code apt} writes a repository (pool included) of packages {@code bench000000} onwards; {@code
 * debs} writes the same packages as files, {@code <PREFIX><FROM>} to {@code
 * <PREFIX><FROM+COUNT-1>}; {@code wheels} writes versions {@code 2.0.FROM} onwards of {@code
 * PROJECT}.
 */
public final class FixtureTool {
  private FixtureTool() {}

  /** Runs one of the commands above; exits 2 on a usage error. */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      usage();
    }
    Path target = Path.of(args[1]);
    switch (args[0]) {
      case "apt" ->
          Fixtures.aptRepository(
              target,
              Integer.parseInt(args[2]),
              args.length > 3 ? Optional.of(Keys.load(Path.of(args[3]))) : Optional.empty(),
              true);
      case "debs" -> debs(target, args);
      case "maven" -> Fixtures.mavenArtifact(target, Integer.parseInt(args[2]));
      case "wheels" -> wheels(target, args);
      case "pypi" ->
          Fixtures.pypiIndex(
              target, Integer.parseInt(args[2]), Files.createTempDirectory("pinrepo-wheels"));
      default -> usage();
    }
  }

  private static void debs(Path dir, String[] args) throws IOException {
    Files.createDirectories(dir);
    int from = Integer.parseInt(args[3]);
    for (int i = from; i < from + Integer.parseInt(args[4]); i++) {
      Files.write(
          dir.resolve(String.format("%s%06d_1.0-1_amd64.deb", args[2], i)),
          Fixtures.deb(args[2], i));
    }
  }

  private static void wheels(Path dir, String[] args) throws IOException {
    Files.createDirectories(dir);
    int from = Integer.parseInt(args[3]);
    for (int i = from; i < from + Integer.parseInt(args[4]); i++) {
      Fixtures.wheel(args[2], "2.0." + i, dir);
    }
  }

  private static void usage() {
    System.err.println(
        "usage: FixtureTool apt REPO N [KEY] | debs DIR PREFIX FROM COUNT | maven REPO VERSIONS"
            + " | wheels DIR PROJECT FROM COUNT | pypi REPO PROJECTS");
    System.exit(2);
  }
}
