package io.pinrepo.debian;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the real Debian tools the tests check against; skips a test when one is missing. */
final class Programs {
  private Programs() {}

  /** What a program printed and how it exited. */
  record Result(int exit, String out, String err) {
    Result orFail(String what) {
      if (exit != 0) {
        throw new AssertionError(what + " exited " + exit + ":\n" + out + "\n" + err);
      }
      return this;
    }
  }

  static boolean installed(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** Skips the calling test unless every program is on the PATH. */
  static void require(String... programs) {
    for (String program : programs) {
      assumeTrue(installed(program), program + " is not installed: skipping this check");
    }
  }

  static Result run(Path dir, Map<String, String> env, List<String> command) {
    try {
      Path out = Files.createTempFile("out", ".txt");
      Path err = Files.createTempFile("err", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      pb.environment().putAll(env);
      int exit = pb.start().waitFor();
      Result r =
          new Result(
              exit,
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Result run(Path dir, String... command) {
    return run(dir, Map.of(), List.of(command));
  }
}
