package io.pinrepo.rpm;

import io.pinrepo.testkit.clients.Gpg;
import io.pinrepo.testkit.clients.Programs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Signs package files with the real rpmsign and a test key, as a distributor would. */
final class RpmSign {
  private RpmSign() {}

  /** Adds {@code gpg}'s signature to each file, in place; skips the test without rpmsign. */
  static void sign(Gpg gpg, List<Path> files) {
    Programs.require("rpmsign", "gpg");
    List<String> command =
        new ArrayList<>(
            List.of(
                "rpmsign",
                "--addsign",
                "--define",
                "_gpg_name Pinrepo Test <test@example.org>",
                "--define",
                "__gpg " + onPath("gpg"),
                "--define",
                "_gpg_path " + gpg.home()));
    files.forEach(f -> command.add(f.toString()));
    Programs.run(gpg.home(), Map.of("GNUPGHOME", gpg.home().toString()), command).orFail();
  }

  /** The program's file on the {@code PATH}: rpm's default ({@code gpg2}) may not exist. */
  private static String onPath(String program) {
    for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (java.nio.file.Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(program + " is not on the PATH");
  }
}
