package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.testkit.clients.Programs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real dnf confined to a private install root: its own {@code .repo} file (one repository,
 * {@code gpgcheck=1}, {@code repo_gpgcheck=1}, the given key), cache and rpm database; no system
 * repository or plugin but download (dnf-plugins-core). Skips the calling test when dnf is missing.
 */
final class DnfRoot {
  private final Path root;

  private DnfRoot(Path root) {
    this.root = root;
  }

  /** A root at {@code root} whose one repository {@code pin} is {@code baseurl}. */
  static DnfRoot create(Path root, String baseurl, Path publicKey) throws IOException {
    return create(root, repoFile(baseurl, publicKey));
  }

  /** A root at {@code root} with {@code repoFile} as its only repository configuration. */
  static DnfRoot create(Path root, String repoFile) throws IOException {
    Programs.require("dnf", "rpm");
    Path repos = Files.createDirectories(root.resolve("etc/yum.repos.d"));
    Files.writeString(repos.resolve("pin.repo"), repoFile);
    return new DnfRoot(root);
  }

  /** The {@code .repo} file a user pastes: signed packages and a signed repomd.xml. */
  static String repoFile(String baseurl, Path publicKey) {
    return "[pin]\nname=pin\nbaseurl="
        + baseurl
        + "\nenabled=1\ngpgcheck=1\nrepo_gpgcheck=1\ngpgkey=file://"
        + publicKey
        + "\n";
  }

  Path root() {
    return root;
  }

  /** Runs dnf with {@code args}; fails the test when it fails or reports an error. */
  String run(String... args) {
    Programs.Result r = Programs.run(root, Map.of("LC_ALL", "C.UTF-8"), command(args)).orFail();
    assertTrue(!r.err().contains("Error"), r.err());
    return r.out();
  }

  /** Runs dnf with {@code args} and returns whatever happened. */
  Programs.Result attempt(String... args) {
    return Programs.run(root, Map.of("LC_ALL", "C.UTF-8"), command(args));
  }

  /** The newest EVR dnf sees of {@code name}, as {@code E:V-R}. */
  String newest(String name) {
    return run("repoquery", "--latest-limit", "1", "--qf", "%{epoch}:%{version}-%{release}", name)
        .strip();
  }

  private List<String> command(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "dnf",
                "-q",
                "-y",
                "--installroot",
                root.toString(),
                "--setopt=reposdir=" + root.resolve("etc/yum.repos.d"),
                "--setopt=cachedir=" + root.resolve("cache"),
                // a repository that fails to load (a bad signature) is an error, not skipped
                "--setopt=skip_if_unavailable=False",
                "--releasever",
                "9",
                "--forcearch",
                "x86_64",
                "--disableplugin=*",
                "--enableplugin=download"));
    command.addAll(List.of(args));
    return command;
  }

  static void delete(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
