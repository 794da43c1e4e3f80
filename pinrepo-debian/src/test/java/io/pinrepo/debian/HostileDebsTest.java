package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.fixtures.hostile.HostileDebs;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile .deb of the fixtures' corpus is refused with a {@link MalformedPackageException}
 * whose one-line message names the file and the problem, leaves the repository byte for byte as it
 * was, and is read with a 64 MiB heap: the publisher runs in a JVM of its own under {@code
 * -Xmx64m}.
 */
class HostileDebsTest {

  @TempDir Path dir;

  @Test
  void everyHostileDebIsRefusedInBoundedMemoryLeavingTheRepositoryAsItWas() throws Exception {
    List<HostileDebs.Hostile> corpus = HostileDebs.all(dir);
    assertTrue(corpus.size() >= 15, "a corpus of " + corpus.size());
    Map<String, String[]> results = runUnderSmallHeap();
    List<String> failures = new ArrayList<>();
    for (HostileDebs.Hostile h : corpus) {
      String[] r = results.get(h.name());
      if (r == null) {
        failures.add(h.name() + ": no result");
        continue;
      }
      String message = r[4];
      if (!r[1].equals(MalformedPackageException.class.getName())) {
        failures.add(h.name() + ": " + r[1] + " " + message);
      } else if (!message.startsWith(h.file() + ": ") || !message.contains(h.expected())) {
        failures.add(h.name() + ": expected '" + h.expected() + "' in: " + message);
      } else if (message.contains("\\n") || message.contains("Exception")) {
        failures.add(h.name() + ": not one plain line: " + message);
      } else if (!r[2].equals("identical")) {
        failures.add(h.name() + ": the repository changed");
      }
    }
    assertEquals(List.of(), failures, () -> String.join("\n", failures));
  }

  @Test
  void withoutTheDataCheckOnlyDataArchiveProblemsPass() throws Exception {
    for (HostileDebs.Hostile h : HostileDebs.all(dir)) {
      if (h.name().contains("bomb") && !h.name().startsWith("data-")) {
        continue; // refused the same way with or without the data check, and slow to read
      }
      InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
      AptRepository repo =
          AptRepository.builder(storage).clock(Repos.CLOCK).checkData(false).build();
      boolean dataOnly = h.name().startsWith("data-") || h.name().equals("truncated-data-tar");
      if (dataOnly) {
        assertEquals(1, repo.publish("stable", "main", List.of(h.file())).added().size(), h.name());
      } else {
        assertThrows(
            MalformedPackageException.class,
            () -> repo.publish("stable", "main", List.of(h.file())),
            h.name());
        assertEquals(Map.of(), storage.snapshot(), h.name());
      }
    }
  }

  /** Runs {@link HostileRun} over the corpus in a JVM with a 64 MiB heap; results by name. */
  private Map<String, String[]> runUnderSmallHeap() throws IOException, InterruptedException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = dir.resolve("results.tsv");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx64m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                classpath,
                HostileRun.class.getName(),
                dir.toString())
            .redirectOutput(out.toFile())
            .redirectErrorStream(false)
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the run did not end");
    assertEquals(0, process.exitValue(), () -> read(dir.resolve("stderr.txt")) + read(out));
    // Kept for a reader: each file's outcome, the milliseconds it took and the message.
    Files.copy(out, Path.of("target/hostile-debs.tsv"), StandardCopyOption.REPLACE_EXISTING);
    Map<String, String[]> results = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t", 5);
      results.put(fields[0], fields);
    }
    return results;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
