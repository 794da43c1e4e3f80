package io.pinrepo.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs write conditionally to one directory, round after round: exactly one wins each round and
 * the shared counter loses no increment, so the conditions hold across processes.
 */
class TwoProcessConditionalWriteTest {

  private static final int ROUNDS = 50;

  @TempDir Path dir;

  @Test
  void exactlyOneProcessWinsEachRoundAndNoUpdateIsLost() throws Exception {
    Path repo = dir.resolve("repo");
    try (FileSystemStorage storage = FileSystemStorage.open(repo)) {
      storage.write(ConditionalWriter.COUNTER, ContentSource.ofUtf8("0"), WriteCondition.none());
    }

    Process a = start(repo, "a", "b");
    Process b = start(repo, "b", "a");
    List<String[]> linesA = finish(a, "a");
    List<String[]> linesB = finish(b, "b");

    assertEquals(ROUNDS, linesA.size());
    assertEquals(ROUNDS, linesB.size());
    int counterWins = 0;
    try (FileSystemStorage storage = FileSystemStorage.open(repo)) {
      for (int round = 0; round < ROUNDS; round++) {
        boolean aKey = Boolean.parseBoolean(linesA.get(round)[1]);
        boolean bKey = Boolean.parseBoolean(linesB.get(round)[1]);
        boolean aCounter = Boolean.parseBoolean(linesA.get(round)[2]);
        boolean bCounter = Boolean.parseBoolean(linesB.get(round)[2]);
        assertTrue(aKey ^ bKey, "round " + round + ": key won by a=" + aKey + " b=" + bKey);
        assertTrue(
            aCounter ^ bCounter,
            "round " + round + ": counter won by a=" + aCounter + " b=" + bCounter);
        assertEquals(aKey ? "a" : "b", read(storage, ObjectKey.of("rounds/" + round)));
        counterWins += (aCounter ? 1 : 0) + (bCounter ? 1 : 0);
      }
      assertEquals(ROUNDS, counterWins);
      assertEquals(Integer.toString(counterWins), read(storage, ConditionalWriter.COUNTER));
    }
  }

  private Process start(Path repo, String self, String other) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ConditionalWriter.class.getName(),
            repo.toString(),
            self,
            other,
            Integer.toString(ROUNDS))
        .redirectOutput(dir.resolve(self + ".out").toFile())
        .redirectError(dir.resolve(self + ".err").toFile())
        .start();
  }

  private List<String[]> finish(Process process, String self)
      throws IOException, InterruptedException {
    // a guard against a hung child, not a timing assertion
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    String err = Files.readString(dir.resolve(self + ".err"));
    assertEquals(0, process.exitValue(), "process " + self + " failed: " + err);
    List<String[]> lines = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(self + ".out"))) {
      lines.add(line.split(" "));
    }
    return lines;
  }

  private static String read(FileSystemStorage storage, ObjectKey key) throws IOException {
    try (ObjectStream in = storage.read(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
