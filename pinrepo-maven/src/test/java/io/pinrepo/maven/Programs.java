package io.pinrepo.maven;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the real programs (mvn, gpg) the tests check against. */
final class Programs {
  private Programs() {}

  /** Whether {@code program} runs at all (on the PATH and answering {@code --version}). */
  static boolean available(String program) {
    try {
      Process p =
          new ProcessBuilder(program, "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs {@code command} in {@code dir}; fails the test with the output's tail on non-zero exit.
   */
  static String run(Path dir, Map<String, String> env, List<String> command) throws IOException {
    Path log = Files.createTempFile(dir, "run", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    int exit;
    try {
      exit = pb.start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running " + command, e);
    }
    String output = Files.readString(log);
    if (exit != 0) {
      List<String> lines = output.lines().toList();
      fail(
          String.join(" ", command)
              + " exited "
              + exit
              + ":\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }
    return output;
  }
}
