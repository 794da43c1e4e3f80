package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.pinrepo.fixtures.hostile.Hostile;
import io.pinrepo.fixtures.hostile.HostileSet;
import io.pinrepo.fixtures.hostile.HostileSets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every hostile input of {@link HostileSets#all()} given to the packaged jar as a user would, under
 * {@code java -Xmx512m}: each is refused with status 1 and exactly one line on stderr that names
 * the file and says what is wrong, with no stack trace and no Java class name, nothing on stdout,
 * and a repository that holds every format left byte-for-byte as it was. A case that hangs fails
 * after a generous limit (a guard, not a speed test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputEndToEndTest {

  private static final long HANG_GUARD_SECONDS = 120;

  private final Path jar =
      Path.of(System.getProperty("pinrepo.jar", "target/pinrepo.jar")).toAbsolutePath();

  private Path work;
  private Path repo;
  private Map<String, String> before;

  @BeforeAll
  void seedARepositoryOfEveryFormat() throws IOException {
    assertTrue(Files.isRegularFile(jar), "no " + jar + ": run after package");
    work = Files.createTempDirectory("pinrepo-hostile");
    repo = work.resolve("repo");
    CliRun seeded = CliRun.of("demo", repo.toString(), "--no-serve");
    assertEquals(0, seeded.status(), seeded.err());
    before = snapshot(repo);
    assertTrue(before.keySet().stream().anyMatch(k -> k.startsWith("dists/")), before.toString());
  }

  @AfterAll
  void cleanUp() throws IOException {
    DemoEndToEndTest.deleteTree(work);
  }

  @TestFactory
  Stream<DynamicTest> everyHostileInputIsRefusedInOneLineAndChangesNothing() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<HostileSet> sets = HostileSets.all();
    for (int i = 0; i < sets.size(); i++) {
      HostileSet set = sets.get(i);
      Path dir = Files.createDirectories(work.resolve("set" + i));
      for (Hostile hostile : set.write(dir)) {
        tests.add(
            DynamicTest.dynamicTest(
                set.getClass().getSimpleName() + ": " + hostile, () -> refuses(hostile)));
      }
    }
    // Generic inputs for each of deb, maven and pypi, and each format's own corpus.
    assertTrue(tests.size() >= 100, "only " + tests.size() + " hostile inputs");
    return tests.stream();
  }

  private void refuses(Hostile hostile) throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-Xmx512m"));
    command.addAll(classDataSharing());
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(publishCommand(hostile.format()));
    command.addAll(List.of("--repo", repo.toString()));
    hostile.alongside().forEach(p -> command.add(p.toString()));
    command.add(hostile.file().toString());
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice().toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail(hostile + " still running after " + HANG_GUARD_SECONDS + " s");
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String what = hostile + "\nstderr: " + stderr + "stdout: " + stdout;
    assertEquals(1, process.exitValue(), what);
    assertEquals(1, stderr.lines().count(), what);
    assertTrue(stderr.startsWith("pinrepo: "), what);
    assertTrue(stderr.contains(hostile.file().toString()), "the file is not named: " + what);
    assertTrue(
        stderr
            .toLowerCase(Locale.ROOT)
            .contains(hostile.expectedFragment().toLowerCase(Locale.ROOT)),
        "'" + hostile.expectedFragment() + "' missing: " + what);
    assertFalse(stderr.contains("\tat ") || stderr.contains("Exception in thread"), what);
    assertFalse(CliRun.JAVA_CLASS.matcher(stderr).find(), "a Java class is named: " + what);
    assertEquals("", stdout, what);
    assertEquals(before, snapshot(repo), hostile + " changed the repository");
  }

  /**
   * The build's class-data-sharing archive of the jar, when it is there and current, as {@code
   * scripts/compare.sh} uses it: a shorter start for each of the hundred JVMs, nothing else.
   */
  private List<String> classDataSharing() throws IOException {
    Path archive = jar.resolveSibling("pinrepo.jsa");
    if (!Files.isRegularFile(archive)
        || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
      return List.of();
    }
    return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  /**
   * The publish command that takes a format's files (an {@code rpm} case joins here). The demo's
   * distribution is signed, so a deb publish signs with the demo's key, as its owner would.
   */
  private List<String> publishCommand(String format) {
    return switch (format) {
      case "deb" ->
          List.of(
              "deb",
              "publish",
              "--dist",
              "stable",
              "--sign-key",
              DemoCommand.keyDirectory(repo).resolve("secret.asc").toString());
      case "maven" -> List.of("maven", "deploy");
      case "pypi" -> List.of("pypi", "publish");
      case "rpm" -> List.of("rpm", "publish", "--path", "el9/x86_64");
      default -> {
        fail("no publish command for format '" + format + "': add one to publishCommand");
        yield List.of();
      }
    };
  }

  private static Path nullDevice() {
    return Path.of(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** Every entry under {@code root}: a file's SHA-256, a directory's or link's kind. */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String key = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          entries.put(key, "link " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          entries.put(key, "directory");
        } else {
          entries.put(key, sha256(p));
        }
      }
    }
    return entries;
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
