package io.pinrepo.cache;

import static io.pinrepo.cache.TestBytes.all;
import static io.pinrepo.cache.TestBytes.entryFiles;
import static io.pinrepo.cache.TestBytes.open;
import static io.pinrepo.cache.TestBytes.random;
import static io.pinrepo.cache.TestBytes.tempFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.WriteCondition;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.memory.Operation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other JVMs fill the cache directory ({@link CacheFiller}) and are killed with SIGKILL while they
 * do: no torn file is ever served, what they finished is reused, what they left half-done is
 * deleted. The origin is a filesystem directory both sides read; this JVM reads it through an
 * in-memory copy, which counts its reads (every key is immutable, so the copy's other version
 * tokens do not matter).
 */
class CrossProcessTest {

  @TempDir Path dir;

  private final Map<String, byte[]> objects = new LinkedHashMap<>();
  private final InMemoryStorage counted = new InMemoryStorage();

  private Path origin(int count, int bigBytes) throws IOException {
    for (int i = 0; i < count; i++) {
      objects.put("pool/f" + i, random(10_000 + 7_919 * i, i));
    }
    objects.put("pool/big", random(bigBytes, 99));
    Path originDir = dir.resolve("origin");
    try (FileSystemStorage fs = FileSystemStorage.open(originDir)) {
      for (Map.Entry<String, byte[]> e : objects.entrySet()) {
        ContentSource content = ContentSource.ofBytes(e.getValue());
        fs.write(ObjectKey.of(e.getKey()), content, WriteCondition.none());
        counted.write(ObjectKey.of(e.getKey()), content, WriteCondition.none());
      }
    }
    counted.resetCounts();
    return originDir;
  }

  private ReadThroughCache cache(Path cacheDir) throws IOException {
    return ReadThroughCache.builder(new KeptOpen(counted), cacheDir)
        .immutableWhen(key -> true)
        .maxBytes(1L << 40)
        .build();
  }

  @Test
  void aKillMidFillLeavesNoTornFileAndTheNextProcessCompletesTheFill() throws Exception {
    Path originDir = origin(10, 4 << 20);
    Path cacheDir = dir.resolve("cache");
    ReadThroughCache before = cache(cacheDir); // opened while the other JVM runs

    Process filler = start("hang", originDir, cacheDir, List.of(), objects.keySet());
    List<String> lines = readUntil(filler, "midway");
    filler.destroyForcibly(); // SIGKILL
    assertTrue(filler.waitFor(1, TimeUnit.MINUTES), "the killed filler is still running");

    assertEquals(10, lines.stream().filter(l -> l.startsWith("filled ")).count(), lines.toString());
    assertEquals(1, tempFiles(cacheDir).size(), "the kill left its half-written file");
    assertEquals(10, entryFiles(cacheDir).size());
    try (before) {
      for (Map.Entry<String, byte[]> e : objects.entrySet()) {
        assertArrayEquals(e.getValue(), all(open(before, e.getKey())), e.getKey());
      }
      assertEquals(1, counted.count(Operation.READ), "only the object the kill cut short");
    }

    try (ReadThroughCache after = cache(cacheDir)) {
      assertEquals(List.of(), tempFiles(cacheDir));
      for (Map.Entry<String, byte[]> e : objects.entrySet()) {
        CachedRead read = open(after, e.getKey());
        assertEquals(Freshness.Outcome.HIT, read.freshness().outcome());
        assertArrayEquals(e.getValue(), all(read), e.getKey());
      }
    }
    assertEquals(1, counted.count(Operation.READ));
  }

  @Test
  void killsAtArbitraryMomentsNeverLeaveAFileThatIsServedTorn() throws Exception {
    Path originDir = origin(60, 1 << 20);
    Path cacheDir = dir.resolve("cache");
    for (int round = 0; round < 3; round++) {
      Process filler = start("fill", originDir, cacheDir, List.of(), objects.keySet());
      readUntil(filler, "filled pool/f" + (10 + 15 * round));
      filler.destroyForcibly();
      assertTrue(filler.waitFor(1, TimeUnit.MINUTES), "the killed filler is still running");

      try (ReadThroughCache cache = cache(cacheDir)) {
        assertEquals(List.of(), tempFiles(cacheDir));
        for (Map.Entry<String, byte[]> e : objects.entrySet()) {
          assertArrayEquals(e.getValue(), all(open(cache, e.getKey())), e.getKey());
        }
      }
      deleteEntries(cacheDir, round); // leave something for the next filler to do
    }
  }

  @Test
  void anObjectFiveTimesTheHeapIsFilledAndServedInConstantMemory() throws Exception {
    GeneratedContent huge = new GeneratedContent(160L << 20, 7);
    Path originDir = dir.resolve("origin");
    try (FileSystemStorage fs = FileSystemStorage.open(originDir)) {
      fs.write(ObjectKey.of("pool/huge.deb"), huge, WriteCondition.none());
    }

    Process filler =
        start(
            "digest",
            originDir,
            dir.resolve("cache"),
            List.of("-Xmx32m"),
            List.of("pool/huge.deb"));
    List<String> lines = readUntil(filler, null);
    assertEquals(0, filler.waitFor(), "the filler failed: " + stderr());

    String sha256 = huge.sha256();
    assertEquals(List.of("pool/huge.deb " + sha256 + " " + sha256), lines);
  }

  private Process start(
      String mode, Path originDir, Path cacheDir, List<String> jvmOptions, Iterable<String> keys)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions.isEmpty() ? List.of("-XX:TieredStopAtLevel=1") : jvmOptions);
    command.add("-XX:+UseSerialGC");
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(CacheFiller.class.getName(), mode, originDir.toString()));
    command.add(cacheDir.toString());
    keys.forEach(command::add);
    return new ProcessBuilder(command).redirectError(dir.resolve("filler.err").toFile()).start();
  }

  /** The lines {@code process} prints up to and including {@code last} (null: to its end). */
  private List<String> readUntil(Process process, String last) throws IOException {
    List<String> lines = new ArrayList<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      lines.add(line);
      if (line.equals(last)) {
        return lines;
      }
    }
    assertNotNull(last == null ? "" : null, "the filler ended before '" + last + "': " + stderr());
    return lines;
  }

  private String stderr() throws IOException {
    return Files.readString(dir.resolve("filler.err"));
  }

  private static void deleteEntries(Path cacheDir, int round) throws IOException {
    List<Path> files = entryFiles(cacheDir);
    for (int i = round % 2; i < files.size(); i += 2) {
      Files.delete(files.get(i));
    }
  }
}
