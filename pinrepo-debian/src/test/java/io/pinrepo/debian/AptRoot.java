package io.pinrepo.debian;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The real apt-get in a private root, with one source line, as a new user's machine runs it. */
final class AptRoot {
  private final Path root;
  private final String arch;

  AptRoot(Path root, String sourceLine, String arch) throws IOException {
    Programs.require("apt-get", "apt-cache", "gpgv");
    this.root = root;
    this.arch = arch;
    for (String dir :
        List.of(
            "etc/apt/sources.list.d",
            "etc/apt/preferences.d",
            "etc/apt/apt.conf.d",
            "etc/apt/trusted.gpg.d",
            "var/lib/apt/lists/partial",
            "var/cache/apt/archives/partial",
            "var/lib/dpkg",
            "dl")) {
      Files.createDirectories(root.resolve(dir));
    }
    Files.writeString(root.resolve("var/lib/dpkg/status"), "");
    Files.writeString(root.resolve("etc/apt/sources.list"), sourceLine + "\n");
  }

  /** A source line for {@code uri} with {@code signed-by} the keyring. */
  static String sourceLine(String uri, String dist, String component, Path keyring, String arch) {
    return "deb [arch="
        + arch
        + " signed-by="
        + keyring
        + "] "
        + uri
        + " "
        + dist
        + " "
        + component;
  }

  Programs.Result update() {
    return apt("apt-get", "update");
  }

  /** apt-get update's lines that are warnings or errors. */
  static List<String> problems(Programs.Result update) {
    return Stream.concat(update.out().lines(), update.err().lines())
        .filter(l -> l.startsWith("W:") || l.startsWith("E:") || l.startsWith("Err:"))
        .toList();
  }

  String candidate(String name) {
    return apt("apt-cache", "policy", name)
        .out()
        .lines()
        .map(String::strip)
        .filter(l -> l.startsWith("Candidate:"))
        .map(l -> l.substring("Candidate:".length()).strip())
        .findFirst()
        .orElse("");
  }

  /** Runs apt-get download and returns the file it saved. */
  Path download(String name) throws IOException {
    Path dl = root.resolve("dl");
    Programs.run(dl, Map.of(), command("apt-get", "download", name)).orFail("apt-get download");
    try (Stream<Path> files = Files.list(dl)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(name + "_"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("apt-get download saved no " + name));
    }
  }

  private Programs.Result apt(String... args) {
    return Programs.run(root, Map.of(), command(args));
  }

  private List<String> command(String... args) {
    List<String> cmd = new ArrayList<>(List.of(args[0]));
    for (String opt :
        List.of(
            "Dir=" + root,
            "Dir::State::status=" + root.resolve("var/lib/dpkg/status"),
            "Dir::Etc::SourceList=" + root.resolve("etc/apt/sources.list"),
            "Dir::Etc::SourceParts=" + root.resolve("etc/apt/sources.list.d"),
            "Dir::Etc::Parts=" + root.resolve("etc/apt/apt.conf.d"),
            "Dir::Etc::PreferencesParts=" + root.resolve("etc/apt/preferences.d"),
            "Dir::Etc::TrustedParts=" + root.resolve("etc/apt/trusted.gpg.d"),
            "APT::Architecture=" + arch,
            "APT::Architectures=" + arch,
            "Debug::NoLocking=1",
            "APT::Sandbox::User=root",
            "Acquire::Languages=none",
            "Acquire::http::Proxy=false")) {
      cmd.add("-o");
      cmd.add(opt);
    }
    cmd.addAll(List.of(args).subList(1, args.length));
    return cmd;
  }
}
