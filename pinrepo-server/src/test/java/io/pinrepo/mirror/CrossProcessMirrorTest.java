package io.pinrepo.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirrors in separate JVMs ({@link MirrorProcess}) sharing one region directory: four of them asked
 * at once make one copy; one killed with SIGKILL in the middle of its copy leaves nothing visible,
 * and the next request takes over its lease and completes the copy.
 */
class CrossProcessMirrorTest {

  private static final ObjectKey KEY = ObjectKey.of("files/large.bin");

  @TempDir Path dir;

  private byte[] origin(int size) throws IOException {
    byte[] bytes = new byte[size];
    new Random(4).nextBytes(bytes);
    try (FileSystemStorage origin = FileSystemStorage.open(dir.resolve("origin"))) {
      ManifestFormat.publish(origin, List.of(KEY), List.of(bytes));
    }
    return bytes;
  }

  @Test
  void fourProcessesAskingAtOnceMakeOneCopy() throws Exception {
    byte[] bytes = origin(48 << 20);
    List<Process> processes = new ArrayList<>();
    List<BufferedReader> outputs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Process p = start("locate", i);
      processes.add(p);
      BufferedReader out = reader(p);
      outputs.add(out);
      assertEquals("ready", out.readLine(), stderr(i));
    }
    for (Process p : processes) { // as close together as four pipes allow
      OutputStream in = p.getOutputStream();
      in.write('\n');
      in.flush();
    }
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      outcomes.add(outputs.get(i).readLine());
      assertEquals(0, processes.get(i).waitFor(), stderr(i));
    }

    assertEquals(1, outcomes.stream().filter("COPIED"::equals).count(), outcomes.toString());
    assertEquals(
        3, outcomes.stream().filter(o -> !o.equals("COPIED")).count(), outcomes.toString());
    try (FileSystemStorage region = FileSystemStorage.open(dir.resolve("region"))) {
      assertCopy(region, bytes);
    }
  }

  @Test
  void aKillDuringACopyLeavesNothingVisibleAndTheNextRequestCompletesIt() throws Exception {
    byte[] bytes = origin(8 << 20);
    Process copier = start("hang", 0);
    BufferedReader out = reader(copier);
    assertEquals("ready", out.readLine(), stderr(0));
    assertEquals("midway", out.readLine(), stderr(0));
    copier.destroyForcibly(); // SIGKILL, half-way through the copy
    assertTrue(copier.waitFor(1, TimeUnit.MINUTES), "the killed copier is still running");

    try (FileSystemStorage region = FileSystemStorage.open(dir.resolve("region"));
        FileSystemStorage origin = FileSystemStorage.open(dir.resolve("origin"))) {
      assertTrue(region.stat(KEY).isEmpty(), "a torn copy is visible");
      assertTrue(region.stat(Lease.keyOf(KEY)).isPresent(), "the dead holder's lease");
      RecordingMirrorListener listener = new RecordingMirrorListener();
      try (RegionalMirror mirror =
          RegionalMirror.builder(origin)
              .formats(List.of(new ManifestFormat()))
              .region("eu", region, URI.create("http://eu.example/"))
              // The dead holder's lease looks an hour old to this clock: taken over on the first
              // look, while this mirror's own lease stays long enough for a loaded machine's
              // flushes.
              .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))
              .listener(listener)
              .build()) {
        assertEquals(Located.Outcome.COPIED, mirror.locate(KEY, "eu").outcome());
      }
      assertTrue(listener.events().contains("taken over eu " + KEY), listener.events().toString());
      assertCopy(region, bytes);
    }
  }

  private static void assertCopy(FileSystemStorage region, byte[] bytes) throws IOException {
    try (ObjectStream in = region.read(KEY)) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
    List<ObjectKey> keys = new ArrayList<>();
    try (var listing = region.list("")) {
      for (ObjectInfo info : listing.toList()) {
        keys.add(info.key());
      }
    }
    assertEquals(List.of(KEY), keys, "no lease or temporary object is left");
  }

  private Process start(String mode, int n) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(MirrorProcess.class.getName());
    command.addAll(
        List.of(
            mode, dir.resolve("origin").toString(), dir.resolve("region").toString(), KEY.value()));
    return new ProcessBuilder(command)
        .redirectError(dir.resolve("p" + n + ".err").toFile())
        .start();
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private String stderr(int n) throws IOException {
    Path err = dir.resolve("p" + n + ".err");
    String text = Files.exists(err) ? Files.readString(err) : "";
    assertNotNull(text);
    return "stderr of process " + n + ": " + text;
  }
}
