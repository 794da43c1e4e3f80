package io.pinrepo.testkit.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real {@code apt-get} in a private root with one sources line, as a new user's machine runs
 * it, without touching the machine's own apt configuration. Skips the test when apt-get, apt-cache
 * or gpgv is missing.
 */
public final class AptRoot {
  private final Path root;
  private final String arch;

  private AptRoot(Path root, String sourceLine, String arch) throws IOException {
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

  /** A private apt root in {@code root} reading the one {@code sourceLine}, for {@code arch}. */
  public static AptRoot create(Path root, String sourceLine, String arch) throws IOException {
    Programs.require("apt-get", "apt-cache", "gpgv");
    return new AptRoot(root, sourceLine, arch);
  }

  /** A sources line for {@code uri} with {@code signed-by} the keyring. */
  public static String sourceLine(
      String uri, String dist, String component, Path keyring, String arch) {
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

  /** Runs {@code apt-get update}. */
  public Programs.Result update() {
    return apt("apt-get", "update");
  }

  /** The lines of {@code apt-get update}'s output that are warnings or errors. */
  public static List<String> problems(Programs.Result update) {
    return Stream.concat(update.out().lines(), update.err().lines())
        .filter(l -> l.startsWith("W:") || l.startsWith("E:") || l.startsWith("Err:"))
        .toList();
  }

  /** The version apt would install of {@code name}, or empty text when none. */
  public String candidate(String name) {
    return apt("apt-cache", "policy", name)
        .out()
        .lines()
        .map(String::strip)
        .filter(l -> l.startsWith("Candidate:"))
        .map(l -> l.substring("Candidate:".length()).strip())
        .filter(v -> !v.equals("(none)"))
        .findFirst()
        .orElse("");
  }

  /** Runs {@code apt-get download name} and returns the file it saved. */
  public Path download(String name) throws IOException {
    Path dl = root.resolve("dl");
    Programs.run(dl, Map.of(), command("apt-get", "download", name)).orFail();
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
