package io.pinrepo.rpm;

import io.pinrepo.testkit.clients.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real RPM files built by rpmbuild from the specs under {@code src/test/resources/specs}: binary
 * and source packages with epochs, {@code ~} and {@code ^} versions, every kind of dependency,
 * scriptlets, configuration files, ghosts, directories, long and non-ASCII changelogs. Built once
 * per test JVM, on first use, and deleted when it exits.
 */
public final class RpmbuildCorpus {
  private static final List<String> SPECS =
      List.of("pin-rich", "pin-data", "pin-hello", "pin-empty", "pin-libc", "pin-changes");

  private static Path built;

  private RpmbuildCorpus() {}

  /**
   * The directory holding every built {@code .rpm} and {@code .src.rpm}, building them first if
   * needed. Skips the calling test when rpmbuild is not installed.
   */
  public static synchronized Path directory() {
    Programs.require("rpmbuild", "rpm");
    if (built == null) {
      built = build();
    }
    return built;
  }

  /** Every package file in {@link #directory()}, sorted by name. */
  public static List<Path> files() {
    try (Stream<Path> list = Files.list(directory())) {
      return list.filter(p -> p.toString().endsWith(".rpm")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The package file called {@code name} in {@link #directory()}. */
  public static Path file(String name) {
    Path file = directory().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no " + name + " among " + files());
    }
    return file;
  }

  private static Path build() {
    try {
      Path root = Files.createTempDirectory("pinrepo-rpmbuild");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
      Path out = Files.createDirectories(root.resolve("out"));
      for (String name : SPECS) {
        Path spec = root.resolve(name + ".spec");
        try (InputStream in =
            RpmbuildCorpus.class.getResourceAsStream("/specs/" + name + ".spec")) {
          Files.copy(in, spec);
        }
        List<String> command = new ArrayList<>(List.of("rpmbuild", "-ba"));
        define(command, "_topdir", root.resolve("top").toString());
        define(command, "_rpmdir", out.toString());
        define(command, "_srcrpmdir", out.toString());
        define(command, "_build_name_fmt", "%%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm");
        command.add(spec.toString());
        Programs.run(root, Map.of("LC_ALL", "C.UTF-8"), command).orFail();
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void define(List<String> command, String macro, String value) {
    command.add("--define");
    command.add(macro + " " + value);
  }

  private static void delete(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort at JVM exit; the directory is under the system temp directory.
    }
  }
}
