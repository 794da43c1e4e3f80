package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.testkit.clients.AptRoot;
import io.pinrepo.testkit.clients.MavenConsumer;
import io.pinrepo.testkit.clients.Pip;
import io.pinrepo.testkit.clients.Programs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
  URI base;
  List<String> printed = new ArrayList<>();

  @BeforeAll
  void startDemo() throws IOException {
    work = Files.createTempDirectory("pinrepo-demo-e2e");
    Path jar = Path.of(System.getProperty("pinrepo.jar", "target/pinrepo.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "no " + jar + ": run after package");
    demo =
        new ProcessBuilder(
                "java",
                "-jar",
                jar.toString(),
                "demo",
                work.resolve("demo-repo").toString(),
                "--port",
                "0") // any free port: a port probed and released first could be taken meanwhile
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      printed.add(line);
      if (line.startsWith("serving ")) {
        base = URI.create(line.substring(line.indexOf(" at ") + 4, line.indexOf(" (Ctrl-C")));
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
  void theSecretKeyIsKeptBesideTheServedFolderAndNothingServedHoldsIt() throws Exception {
    Path served = work.resolve("demo-repo");
    Path secret = work.resolve("demo-repo.key").resolve("secret.asc");
    assertTrue(Files.readString(secret).contains(DemoCommandTest.SECRET_MARK), secret.toString());
    assertEquals(List.of(), DemoCommandTest.filesHoldingASecretKey(served));

    HttpClient http = HttpClient.newHttpClient();
    List<String> paths = new ArrayList<>();
    try (Stream<Path> files = Files.walk(served)) {
      files.filter(Files::isRegularFile).forEach(f -> paths.add(served.relativize(f).toString()));
    }
    // Where an older demo kept the key, and ways out of the folder.
    paths.addAll(
        List.of(
            ".pinrepo/demo-key/secret.asc",
            "../demo-repo.key/secret.asc",
            "%2e%2e/demo-repo.key/secret.asc",
            "demo-repo.key/secret.asc"));
    int served200 = 0;
    for (String path : paths) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
      assertFalse(
          response.body().contains(DemoCommandTest.SECRET_MARK), path + " serves a secret key");
      if (path.startsWith(".pinrepo/") || path.contains("demo-repo.key")) {
        assertTrue(response.statusCode() >= 400, path + " answered " + response.statusCode());
      }
      served200 += response.statusCode() == 200 ? 1 : 0;
    }
    assertTrue(served200 > 10, "the demo served only " + served200 + " files");
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
    Pip.require();
    Path target = work.resolve("site");
    Map<String, String> env =
        Pip.environment(Map.of("PIP_TARGET", target.toString(), "PYTHONPATH", target.toString()));
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
    // Nothing of the demo may come from the local cache; the rest (plugins) may, offline.
    MavenConsumer.forgetCached("io.pinrepo", "demo");
    Map<String, Path> resolved =
        MavenConsumer.resolve(work.resolve("consumer"), MavenConsumer.pom(block));
    Path jar = resolved.get(DemoCommand.NAME + "-" + DemoCommand.VERSION + ".jar");
    assertTrue(jar != null, "mvn resolved no demo jar: " + resolved.keySet());
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertTrue(
          zip.getEntry("io/pinrepo/demo/hello.txt") != null, "resolved jar lacks its resource");
    }
  }

  @Test
  void theRepoFileLetsDnfCheckBothSignaturesAndInstallTheRpm() throws IOException {
    Programs.require("dnf", "rpm");
    int from = indexOf("[" + DemoCommand.NAME + "]");
    List<String> repoFile = new ArrayList<>();
    for (String line : printed.subList(from, printed.size())) {
      if (line.isBlank() || line.strip().startsWith("sudo ")) {
        break;
      }
      repoFile.add(line.strip());
    }
    assertTrue(repoFile.containsAll(List.of("gpgcheck=1", "repo_gpgcheck=1")), repoFile.toString());
    Path root = work.resolve("dnf");
    Path repos = Files.createDirectories(root.resolve("etc/yum.repos.d"));
    Files.writeString(
        repos.resolve(DemoCommand.NAME + ".repo"), String.join("\n", repoFile) + "\n");
    List<String> dnf =
        List.of(
            "dnf",
            "-q",
            "-y",
            "--installroot",
            root.toString(),
            "--setopt=reposdir=" + repos,
            "--setopt=cachedir=" + root.resolve("cache"),
            "--setopt=skip_if_unavailable=False",
            "--releasever",
            "9",
            "--forcearch",
            "x86_64",
            "--disableplugin=*");
    Map<String, String> env = Map.of("LC_ALL", "C.UTF-8");
    Programs.run(work, env, with(dnf, "makecache")).orFail();
    assertEquals(
        DemoCommand.VERSION + "-" + DemoRpm.RELEASE,
        Programs.run(
                work,
                env,
                with(dnf, "repoquery", "--qf", "%{version}-%{release}", DemoCommand.NAME))
            .orFail()
            .out()
            .strip());
    Programs.run(work, env, with(dnf, "install", DemoCommand.NAME)).orFail();
    assertEquals(
        "published by pinrepo\n",
        Files.readString(root.resolve("usr/share/doc/" + DemoCommand.NAME + "/README")));
  }

  private static List<String> with(List<String> command, String... args) {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of(args));
    return all;
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
