package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.testkit.clients.Gpg;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing processes killed with SIGKILL after a random number of their publishes have returned
 * lose nothing they reported: every reported package is listed and verify finds nothing wrong but,
 * at worst, a {@code repomd.xml.asc} that signs the previous {@code repomd.xml}. Running the killed
 * publishes again succeeds, settles the signature, and the real dnf (with {@code repo_gpgcheck})
 * then loads the path and sees every package.
 */
class KillNinePublishTest {
  private static final int ROUNDS = 2;
  private static final int PUBLISHERS = 3;
  private static final int EACH = 3;

  @TempDir Path dir;
  Gpg gpg;

  @AfterEach
  void stopGpg() {
    if (gpg != null) {
      gpg.close();
    }
  }

  @Test
  void killedPublishersLoseNothingReportedAndTheirPublishesCanBeRepeated() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    gpg = Gpg.generate(dir, "rsa3072");
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Set<String> reported = new TreeSet<>();
    int killed = 0;
    int lagging = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String when = "round " + round + " (seed " + seed + ")";
      List<Process> processes = new ArrayList<>();
      List<BufferedReader> outputs = new ArrayList<>();
      for (int j = 0; j < PUBLISHERS; j++) {
        Process p = start(repo, gpg.secretKeyFile(), round * PUBLISHERS + j, "first");
        processes.add(p);
        outputs.add(reader(p));
      }
      for (int j = 0; j < PUBLISHERS; j++) {
        // "ready", then two "ok" lines per publish: kill after 0 to EACH - 1 publishes returned
        int lines = 1 + 2 * random.nextInt(EACH);
        for (int k = 0; k < lines; k++) {
          String line = outputs.get(j).readLine();
          if (line != null && line.startsWith("ok ")) {
            reported.add(line.substring(3));
          }
        }
        // SIGKILL through the handle: Process.destroyForcibly would also close the output pipe
        processes.get(j).toHandle().destroyForcibly();
      }
      for (int j = 0; j < PUBLISHERS; j++) {
        try (BufferedReader rest = outputs.get(j)) {
          rest.lines().filter(l -> l.startsWith("ok ")).forEach(l -> reported.add(l.substring(3)));
        }
        killed += processes.get(j).waitFor() == 0 ? 0 : 1;
      }
      List<Problem> problems = verify(repo, gpg);
      int before = problems.size();
      problems.removeIf(p -> p.description().startsWith("signs another repomd.xml"));
      lagging += before - problems.size();
      assertEquals(List.of(), problems, when + ": after the kills");
      assertTrue(listed(repo).containsAll(reported), when + ": a reported publish is lost");

      for (int j = 0; j < PUBLISHERS; j++) {
        Process again = start(repo, gpg.secretKeyFile(), round * PUBLISHERS + j, "again");
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = reader(again)) {
          out.lines().forEach(lines::add);
        }
        assertEquals(0, again.waitFor(), when + ": repeated " + lines);
        assertEquals("done", lines.get(lines.size() - 1), when + ": repeated " + lines);
      }
      assertEquals(2 * EACH * PUBLISHERS * (round + 1), listed(repo).size(), when);
      assertEquals(List.of(), verify(repo, gpg), when + ": repeated");
    }
    DnfRoot dnf =
        DnfRoot.create(
            dir.resolve("dnf"),
            "file://" + repo.resolve(RpmRepositoryTest.PATH),
            gpg.publicKeyFile());
    dnf.run("makecache");
    String all = dnf.run("repoquery", "--qf", "%{name}-%{evr}.%{arch}");
    assertEquals(listed(repo), new TreeSet<>(all.lines().toList()), "what dnf sees");
    System.out.printf(
        "rpm kill -9: rounds %d, publishers %d, killed mid-run %d, packages %d, lost 0,"
            + " signatures left behind their repomd.xml by a kill %d, seed %d%n",
        ROUNDS, ROUNDS * PUBLISHERS, killed, listed(repo).size(), lagging, seed);
  }

  private static Set<String> listed(Path repo) throws IOException {
    Set<String> listed = new TreeSet<>();
    try (FileSystemStorage storage = FileSystemStorage.open(repo)) {
      RpmRepository.builder(storage)
          .build()
          .list(RpmRepositoryTest.PATH)
          .forEach(r -> listed.add(r.toString()));
    }
    return listed;
  }

  private static List<Problem> verify(Path repo, Gpg gpg) throws IOException {
    List<Problem> problems = new ArrayList<>();
    try (FileSystemStorage storage = FileSystemStorage.open(repo);
        InputStream key = Files.newInputStream(gpg.publicKeyFile())) {
      VerifyContext context = new VerifyContext(Optional.of(SignatureChecker.load(key, "key")));
      new RpmFormat().verify(storage, context, problems::add);
    }
    return problems;
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private Process start(Path repo, Path key, int id, String run) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            RpmPublisherProcess.class.getName(),
            repo.toString(),
            dir.resolve("work-" + id + "-" + run).toString(),
            key.toString(),
            Integer.toString(id),
            Integer.toString(EACH))
        .redirectError(dir.resolve("publisher-" + id + "-" + run + ".err").toFile())
        .start();
  }
}
