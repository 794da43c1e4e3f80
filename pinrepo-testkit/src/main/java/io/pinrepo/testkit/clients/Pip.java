package io.pinrepo.testkit.clients;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The real pip ({@code python3 -m pip}) isolated from the machine's configuration: no config file,
 * no cache, no version check, no bytecode written, and only the index it is given. Skips the test
 * when python3 or its pip is missing.
 */
public final class Pip {
  private Pip() {}

  /** Skips the calling test unless {@code python3 -m pip} runs. */
  public static void require() {
    Programs.require("python3");
    Assumptions.assumeTrue(
        Programs.run(Path.of("."), "python3", "-m", "pip", "--version").exit() == 0,
        "python3 -m pip is not available on this machine");
  }

  /**
   * The environment that isolates pip ({@code PIP_CONFIG_FILE=/dev/null}, no cache, no version
   * check, no bytecode), with {@code extra} added.
   */
  public static Map<String, String> environment(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("PIP_CONFIG_FILE", "/dev/null");
    env.put("PIP_NO_CACHE_DIR", "1");
    env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    env.putAll(extra);
    return Map.copyOf(env);
  }

  /**
   * Runs {@code python3 -m pip} with {@code args} in {@code dir}, isolated; does not check exit.
   */
  public static Programs.Result run(Path dir, List<String> args) {
    require();
    List<String> command = new ArrayList<>(List.of("python3", "-m", "pip"));
    command.addAll(args);
    return Programs.run(dir, environment(Map.of()), command);
  }

  /**
   * Runs {@code pip install --no-deps --index-url INDEX} with {@code options} (such as {@code
   * --dry-run}, {@code --target DIR}, {@code --report FILE}) and then {@code requirements}; does
   * not check the exit.
   */
  public static Programs.Result install(
      Path dir, URI index, List<String> options, List<String> requirements) {
    List<String> args =
        new ArrayList<>(
            List.of("install", "--no-deps", "--no-cache-dir", "--index-url", index.toString()));
    args.addAll(options);
    args.addAll(requirements);
    return run(dir, args);
  }

  /**
   * Runs {@code pip download --no-deps --index-url INDEX -d INTO requirements} and fails the test
   * when pip fails.
   */
  public static Programs.Result download(Path dir, URI index, Path into, String... requirements) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "download",
                "--no-deps",
                "--no-cache-dir",
                "--index-url",
                index.toString(),
                "-d",
                into.toString()));
    args.addAll(List.of(requirements));
    return run(dir, args).orFail();
  }
}
