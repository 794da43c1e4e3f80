package io.pinrepo.testkit.clients;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real programs (apt-get, gpgv, pip, mvn) that tests check repositories with, and skips a
 * test with a clear message when one is not installed.
 */
public final class Programs {
  private Programs() {}

  /** How long any one program may run before the test fails. */
  static final long TIMEOUT_MINUTES = 5;

  /**
   * What a program printed and how it exited.
   *
   * @param command the command line run
   * @param exit its exit status
   * @param out what it printed on stdout
   * @param err what it printed on stderr
   */
  public record Result(List<String> command, int exit, String out, String err) {
    /** Copies the command. */
    public Result {
      command = List.copyOf(command);
    }

    /** This result, or an {@link AssertionError} with the output's tail when it exited non-zero. */
    public Result orFail() {
      if (exit != 0) {
        throw new AssertionError(
            String.join(" ", command) + " exited " + exit + ":\n" + tail(out) + "\n" + tail(err));
      }
      return this;
    }

    private static String tail(String text) {
      List<String> lines = text.lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
  }

  /** Whether {@code program} is an executable on the {@code PATH}. */
  public static boolean installed(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** Skips the calling test unless every program is on the {@code PATH}. */
  public static void require(String... programs) {
    for (String program : programs) {
      Assumptions.assumeTrue(
          installed(program), program + " is not installed: skipping this check");
    }
  }

  /**
   * Runs {@code command} in {@code dir} with {@code env} added to this process's environment and no
   * standard input, and waits for it.
   */
  public static Result run(Path dir, Map<String, String> env, List<String> command) {
    try {
      Path out = Files.createTempFile("pinrepo-out", ".txt");
      Path err = Files.createTempFile("pinrepo-err", ".txt");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError(String.join(" ", command) + " did not finish in time");
        }
        return new Result(
            command,
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }

  /** Runs {@code command} in {@code dir} with this process's environment. */
  public static Result run(Path dir, String... command) {
    return run(dir, Map.of(), List.of(command));
  }
}
