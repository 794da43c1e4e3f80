package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.format.Problem;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.sign.PgpKeyGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate JVMs publish into one repository path of one directory at once: every package a process
 * reported is listed at the end, a reader meanwhile never finds an entry without its file, and
 * verify is clean, the signature included.
 */
class CrossProcessPublishTest {
  private static final int PUBLISHERS = 3;
  private static final int EACH = 4;

  @TempDir Path dir;

  @Test
  void everyReportedPublishFromEveryProcessIsListed() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path key =
        Files.writeString(
            dir.resolve("secret.asc"),
            PgpKeyGenerator.generate("t <t@example.org>", Clock.systemUTC()).armoredSecretKey());
    List<Process> processes = new ArrayList<>();
    for (int id = 0; id < PUBLISHERS; id++) {
      processes.add(start(repo, key, id));
    }
    int reads = 0;
    int lagging = 0;
    try (FileSystemStorage reader = FileSystemStorage.open(repo)) {
      while (processes.stream().anyMatch(Process::isAlive)) {
        List<Problem> problems = Rpms.verify(reader);
        int before = problems.size();
        problems.removeIf(p -> p.description().startsWith("signs another repomd.xml"));
        lagging += before - problems.size();
        assertEquals(List.of(), problems, "a reader during the publishes");
        reads++;
      }
    }
    Set<String> reported = new TreeSet<>();
    for (Process p : processes) {
      List<String> lines = lines(p);
      assertEquals(0, p.waitFor(), String.join("\n", lines));
      assertEquals("done", lines.get(lines.size() - 1), String.join("\n", lines));
      lines.stream().filter(l -> l.startsWith("ok ")).forEach(l -> reported.add(l.substring(3)));
    }
    assertEquals(PUBLISHERS * EACH * 2, reported.size());
    try (FileSystemStorage storage = FileSystemStorage.open(repo)) {
      Set<String> listed = new TreeSet<>();
      RpmRepository.builder(storage)
          .build()
          .list(RpmRepositoryTest.PATH)
          .forEach(r -> listed.add(r.toString()));
      assertEquals(reported, listed);
      assertEquals(List.of(), Rpms.verify(storage));
    }
    System.out.printf(
        "rpm cross-process: publishers %d, packages %d, reader verifies meanwhile %d,"
            + " signatures seen behind their repomd.xml %d%n",
        PUBLISHERS, reported.size(), reads, lagging);
  }

  private Process start(Path repo, Path key, int id) throws IOException {
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
            dir.resolve("work-" + id).toString(),
            key.toString(),
            Integer.toString(id),
            Integer.toString(EACH))
        .redirectError(dir.resolve("publisher-" + id + ".err").toFile())
        .start();
  }

  private static List<String> lines(Process p) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
