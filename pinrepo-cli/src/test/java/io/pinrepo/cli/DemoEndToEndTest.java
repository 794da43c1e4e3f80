package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.testkit.clients.AptRoot;
import io.pinrepo.testkit.clients.Programs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a new user does: run the packaged {@code pinrepo.jar demo}, then paste the printed apt, pip
 * and Maven snippets into the real clients. Runs after {@code package} (failsafe), against the jar
 * itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoEndToEndTest {

  Path work;
  Process demo;
  List<String> printed = new ArrayList<>();

  @BeforeAll
  void startDemo() throws IOException {
    work = Files.createTempDirectory("pinrepo-demo-e2e");
    Path jar = Path.of(System.getProperty("pinrepo.jar", "target/pinrepo.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "no " + jar + ": run after package");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    demo =
        new ProcessBuilder(
                "java",
                "-jar",
                jar.toString(),
                "demo",
                work.resolve("demo-repo").toString(),
                "--port",
                String.valueOf(port))
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      printed.add(line);
      if (line.startsWith("serving ")) {
        return;
      }
    }
    throw new AssertionError("demo ended before serving:\n" + String.join("\n", printed));
  }

  @AfterAll
  void stopDemo() throws InterruptedException, IOException {
    if (demo != null) {
      demo.destroy();
      demo.waitFor();
    }
    deleteTree(work);
  }

  String printedLine(String prefix) {
    return printed.stream()
        .map(String::strip)
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("demo printed no '" + prefix + "' line: " + printed));
  }

  @Test
  void theAptLineWorksInAFreshAptRoot() throws IOException {
    Matcher m =
        Pattern.compile("echo '(deb .*)' \\| sudo tee .*").matcher(printedLine("echo 'deb "));
    assertTrue(m.matches(), printedLine("echo 'deb "));
    AptRoot apt = AptRoot.create(work.resolve("apt"), m.group(1), "amd64");
    Programs.Result update = apt.update().orFail();
    assertEquals(List.of(), AptRoot.problems(update), update.out() + update.err());
    assertEquals(DemoCommand.VERSION, apt.candidate(DemoCommand.NAME));
    Path deb = apt.download(DemoCommand.NAME);
    assertEquals(
        DemoCommand.VERSION + "\n",
        Programs.run(work, "dpkg-deb", "-f", deb.toString(), "Version").orFail().out());
  }

  @Test
  void thePipLineInstallsTheWheel() {
    String pipLine = printedLine("pip install --index-url ");
    Programs.require("python3");
    Path target = work.resolve("site");
    Map<String, String> env =
        Map.of(
            "PIP_TARGET", target.toString(),
            "PIP_CONFIG_FILE", "/dev/null",
            "PIP_NO_CACHE_DIR", "1",
            "PIP_DISABLE_PIP_VERSION_CHECK", "1",
            "PYTHONPATH", target.toString());
    // As pasted, through a shell; 'pip' is python3's pip here (the test machine's PATH).
    Programs.run(work, env, List.of("sh", "-c", pipLine.replaceFirst("^pip ", "python3 -m pip ")))
        .orFail();
    String module = DemoCommand.NAME.replace('-', '_');
    Programs.Result imported =
        Programs.run(work, env, List.of("python3", "-c", "import " + module + "; print('ok')"))
            .orFail();
    assertEquals("ok\n", imported.out());
  }

  @Test
  void theMavenBlockResolvesTheJarWithStrictChecksums() throws IOException {
    Programs.require("mvn");
    int from = indexOf("<repositories>");
    int to = indexOf("</dependencies>");
    String block = String.join("\n", printed.subList(from, to + 1));
    Path project = Files.createDirectories(work.resolve("consumer"));
    Files.writeString(
        project.resolve("pom.xml"),
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>\n"
            + "<groupId>check</groupId><artifactId>consumer</artifactId><version>1</version>\n"
            + block
            + "\n</project>\n");
    // Nothing of the demo may come from the local cache; the rest (plugins) may, offline.
    Path cached =
        Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "pinrepo", "demo");
    deleteTree(cached);
    Programs.run(
            project,
            Map.of(),
            List.of(
                "mvn",
                "-B",
                "-q",
                "-C",
                "-o",
                "-Daether.offline.hosts=127.0.0.1",
                "dependency:copy-dependencies",
                "-DoutputDirectory=deps"))
        .orFail();
    Path jar =
        project.resolve("deps").resolve(DemoCommand.NAME + "-" + DemoCommand.VERSION + ".jar");
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertTrue(
          zip.getEntry("io/pinrepo/demo/hello.txt") != null, "resolved jar lacks its resource");
    }
  }

  int indexOf(String trimmed) {
    for (int i = 0; i < printed.size(); i++) {
      if (printed.get(i).strip().equals(trimmed)) {
        return i;
      }
    }
    throw new AssertionError("demo printed no " + trimmed);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
