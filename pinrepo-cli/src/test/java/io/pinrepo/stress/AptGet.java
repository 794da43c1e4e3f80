package io.pinrepo.stress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real apt-get in a private root reading a repository directory through a {@code file:} source
 * (unsigned, so {@code trusted=yes}): what a client sees of the repository at this moment.
 */
final class AptGet {
  private final Path root;

  AptGet(Path root, Path repo, String dist) throws IOException {
    this.root = root;
    for (String d :
        List.of(
            "etc/apt/sources.list.d",
            "etc/apt/preferences.d",
            "etc/apt/apt.conf.d",
            "etc/apt/trusted.gpg.d",
            "var/lib/apt/lists/partial",
            "var/cache/apt/archives/partial",
            "var/lib/dpkg")) {
      Files.createDirectories(root.resolve(d));
    }
    Files.writeString(root.resolve("var/lib/dpkg/status"), "");
    Files.writeString(
        root.resolve("etc/apt/sources.list"),
        "deb [arch=amd64 trusted=yes] file:" + repo + " " + dist + " main\n");
  }

  static boolean available() {
    return Stream.of(System.getenv("PATH").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "apt-get")));
  }

  /** Runs {@code apt-get update}; returns its warning and error lines, with the exit status. */
  List<String> update() throws IOException, InterruptedException {
    Path log = root.resolve("update.log");
    Process p =
        new ProcessBuilder(command("apt-get", "update"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    int status = p.waitFor();
    List<String> problems = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("W:") || line.startsWith("E:") || line.startsWith("Err:")) {
        problems.add(line);
      }
    }
    if (status != 0) {
      problems.add("apt-get update exited " + status);
    }
    return problems;
  }

  /** The package names apt-get sees, from {@code apt-cache pkgnames}. */
  List<String> names() throws IOException, InterruptedException {
    Path log = root.resolve("pkgnames.log");
    Process p =
        new ProcessBuilder(command("apt-cache", "pkgnames"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    p.waitFor();
    return Files.readAllLines(log).stream().sorted().toList();
  }

  private List<String> command(String program, String... args) {
    List<String> cmd = new ArrayList<>(List.of(program));
    for (String opt :
        List.of(
            "Dir=" + root,
            "Dir::State::status=" + root.resolve("var/lib/dpkg/status"),
            "Dir::Etc::SourceList=" + root.resolve("etc/apt/sources.list"),
            "Dir::Etc::SourceParts=" + root.resolve("etc/apt/sources.list.d"),
            "Dir::Etc::Parts=" + root.resolve("etc/apt/apt.conf.d"),
            "Dir::Etc::PreferencesParts=" + root.resolve("etc/apt/preferences.d"),
            "Dir::Etc::TrustedParts=" + root.resolve("etc/apt/trusted.gpg.d"),
            "APT::Architecture=amd64",
            "APT::Architectures=amd64",
            "Debug::NoLocking=1",
            "APT::Sandbox::User=root",
            "Acquire::Languages=none")) {
      cmd.add("-o");
      cmd.add(opt);
    }
    cmd.addAll(List.of(args));
    return cmd;
  }
}
