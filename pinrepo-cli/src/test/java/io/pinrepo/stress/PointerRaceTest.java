package io.pinrepo.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.BuildRepository;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.NewBuild;
import io.pinrepo.build.pointer.PointerChange;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.s3.S3ProxyFixture;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.Storage;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate JVMs run {@code pinrepo pointer set --expect} against the same pointer at the same
 * moment, on a directory and on the S3 server in the test JVM: exactly one wins, every other exits
 * 1 with one line naming the version the winner set, and the history records the one change.
 */
class PointerRaceTest {
  private static final int PROCESSES = 4;
  private static final BuildName WEB = BuildName.of("web");
  private static final PointerName PROD = PointerName.of("prod");

  @TempDir Path dir;

  /** Opens the shared repository for setup and the final check. */
  interface Opener {
    Storage open() throws IOException;
  }

  @Test
  void exactlyOneProcessWinsEachRoundOnADirectory() throws Exception {
    Path repo = dir.resolve("repo");
    race(List.of("--repo", repo.toString()), List.of(), () -> FileSystemStorage.open(repo), 3);
  }

  @Test
  void exactlyOneProcessWinsOnS3() throws Exception {
    try (S3ProxyFixture s3 = S3ProxyFixture.start(dir.resolve("s3"))) {
      race(
          List.of(
              "--repo",
              "s3://" + S3ProxyFixture.BUCKET + "/race",
              "--s3-endpoint",
              s3.endpoint().toString(),
              "--s3-region",
              "us-east-1",
              "--s3-path-style"),
          List.of(
              "-Daws.accessKeyId=" + S3ProxyFixture.ACCESS_KEY,
              "-Daws.secretAccessKey=" + S3ProxyFixture.SECRET_KEY),
          () -> s3.storage("race").build(),
          1);
    }
  }

  private void race(List<String> repo, List<String> jvmOptions, Opener opener, int rounds)
      throws Exception {
    try (Storage storage = opener.open()) {
      BuildRepository builds = BuildRepository.on(storage);
      for (int i = 0; i < PROCESSES * rounds + 1; i++) {
        builds.publish(
            NewBuild.builder(WEB, BuildVersion.of("v" + i))
                .file("app", ContentSource.ofUtf8("app " + i))
                .build());
      }
      builds.pointers().set(WEB, PROD, PointerUpdate.to(BuildVersion.of("v0")));
    }
    String current = "v0";
    for (int round = 0; round < rounds; round++) {
      List<Process> processes = new ArrayList<>();
      for (int p = 0; p < PROCESSES; p++) {
        String target = "v" + (1 + round * PROCESSES + p);
        List<String> args =
            new ArrayList<>(
                List.of(
                    "pointer",
                    "set",
                    "--name",
                    "web",
                    "--pointer",
                    "prod",
                    "--version",
                    target,
                    "--expect",
                    current,
                    "--note",
                    "process " + p));
        args.addAll(repo);
        processes.add(start(jvmOptions, args, round + "-" + p));
      }
      for (Process p : processes) {
        BufferedReader out =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine());
      }
      for (Process p : processes) {
        OutputStream gate = p.getOutputStream();
        gate.write('\n');
        gate.close();
      }
      List<Integer> winners = new ArrayList<>();
      for (int p = 0; p < PROCESSES; p++) {
        if (processes.get(p).waitFor() == 0) {
          winners.add(p);
        }
      }
      assertEquals(1, winners.size(), "round " + round + ": winners " + winners);
      String won = "v" + (1 + round * PROCESSES + winners.get(0));
      for (int p = 0; p < PROCESSES; p++) {
        Process process = processes.get(p);
        String err = Files.readString(dir.resolve("set-" + round + "-" + p + ".err"));
        if (p == winners.get(0)) {
          assertEquals("", err);
          continue;
        }
        assertEquals(1, process.exitValue(), err);
        assertEquals(
            "pinrepo: web prod points at "
                + won
                + ", not "
                + current
                + " as expected: someone else moved it\n",
            err);
      }
      try (Storage storage = opener.open()) {
        List<PointerChange> history =
            BuildRepository.on(storage).pointers().history(WEB, PROD, 100);
        assertEquals(round + 2, history.size());
        assertEquals(Optional.of(BuildVersion.of(current)), history.get(0).from());
        assertEquals(BuildVersion.of(won), history.get(0).to());
        assertEquals("process " + winners.get(0), history.get(0).note());
      }
      current = won;
    }
    System.out.printf(
        "pointer race: %d rounds of %d processes, one winner each%n", rounds, PROCESSES);
  }

  /**
   * The test class path without logback (which s3proxy brings): the CLI ships only slf4j-nop, and
   * two SLF4J providers would add a warning to the one line the losers print.
   */
  private static String cliClassPath() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("logback"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private Process start(List<String> jvmOptions, List<String> args, String id) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx96m"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", cliClassPath(), GatedCli.class.getName()));
    command.addAll(args);
    assertTrue(command.size() > 5);
    return new ProcessBuilder(command)
        .redirectError(dir.resolve("set-" + id + ".err").toFile())
        .start();
  }
}
