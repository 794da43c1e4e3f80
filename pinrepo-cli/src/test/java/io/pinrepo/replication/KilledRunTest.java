package io.pinrepo.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.cli.Pinrepo;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fs.FileSystemStorage;
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
 * {@code pinrepo replicate} in a process of its own, killed with SIGKILL each time the target has
 * gained some more files: after each kill the target verifies (letting derived files lag, as a
 * reader sees it), and the runs after it complete the replica.
 */
class KilledRunTest {

  private static final int PACKAGES = 150;
  private static final int FILES_PER_RUN = 30;

  @TempDir Path dir;

  @Test
  void aRunKilledAnywhereLeavesAConsistentTargetThatTheNextRunCompletes() throws Exception {
    Repos repos = Repos.in(dir.resolve("work"));
    Path sourceDir = dir.resolve("source");
    Path targetDir = dir.resolve("target");
    List<Path> debs = new ArrayList<>();
    for (int i = 0; i < PACKAGES; i++) {
      String name = String.format("pkg%03d", i);
      debs.add(
          DebBuilder.of(name, "1.0", "amd64")
              .file("usr/share/doc/" + name + "/v", name.getBytes(StandardCharsets.UTF_8))
              .writeTo(Files.createDirectories(dir.resolve("debs").resolve(name))));
    }
    try (FileSystemStorage source = FileSystemStorage.open(sourceDir)) {
      repos.apt(source).publish("stable", "main", debs);
      repos.jar(source, "com.example", "demo", "1.0");
      repos.wheel(source, "demo-lib", "1.0");
    }
    Files.createDirectories(targetDir);

    int kills = 0;
    for (int run = 0; run < 20; run++) {
      int before = files(targetDir);
      Process process = start(sourceDir, targetDir);
      boolean killed = false;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (process.isAlive() && System.nanoTime() < deadline) {
        if (files(targetDir) >= before + FILES_PER_RUN) {
          process.destroyForcibly(); // SIGKILL
          killed = true;
          break;
        }
      }
      assertTrue(process.waitFor(3, TimeUnit.MINUTES), "replicate neither ended nor was killed");
      try (FileSystemStorage target = FileSystemStorage.open(targetDir)) {
        assertEquals(
            List.of(), repos.signedProblems(target, true), "after run " + run + " was killed");
      }
      if (!killed || process.exitValue() == 0) {
        assertEquals(0, process.exitValue(), "run " + run);
        break;
      }
      kills++;
    }

    assertTrue(kills >= 2, "killed " + kills + " times");
    try (FileSystemStorage source = FileSystemStorage.open(sourceDir);
        FileSystemStorage target = FileSystemStorage.open(targetDir)) {
      assertEquals(List.of(), repos.signedProblems(target, false));
      assertEquals(Repos.liveContent(source), Repos.liveContent(target));
    }
  }

  private static Process start(Path source, Path target) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            Pinrepo.class.getName(),
            "replicate",
            "--from",
            source.toString(),
            "--to",
            target.toString(),
            "--parallel",
            "2")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The files in the target outside the filesystem storage's own {@code .pinrepo/}. */
  private static int files(Path root) throws IOException {
    int[] count = {0};
    Files.walkFileTree(
        root,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult preVisitDirectory(
              Path d, java.nio.file.attribute.BasicFileAttributes attrs) {
            return d.getFileName().toString().equals(".pinrepo")
                ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                : java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFile(
              Path f, java.nio.file.attribute.BasicFileAttributes attrs) {
            count[0] += attrs.isRegularFile() ? 1 : 0;
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
            return java.nio.file.FileVisitResult.CONTINUE; // renamed away meanwhile
          }
        });
    return count[0];
  }
}
