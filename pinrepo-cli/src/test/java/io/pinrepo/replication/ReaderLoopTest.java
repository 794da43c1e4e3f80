package io.pinrepo.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.cli.Pinrepo;
import io.pinrepo.fs.FileSystemStorage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pinrepo verify --allow-lag} run in a loop on the target of a replication, which each write
 * waits for, never fails: the target is consistent at every state the replication passes through.
 */
class ReaderLoopTest {

  @TempDir Path dir;

  @Test
  void verifyInALoopOnTheTargetNeverFailsWhileAThrottledReplicationUpdatesIt() throws Exception {
    Repos repos = Repos.in(dir.resolve("work"));
    Path sourceDir = dir.resolve("source");
    Path targetDir = dir.resolve("target");
    Path key = Files.writeString(dir.resolve("key.asc"), repos.publicKey());
    try (FileSystemStorage source = FileSystemStorage.open(sourceDir);
        FileSystemStorage target = FileSystemStorage.open(targetDir)) {
      repos.everyFormat(source, 0);
      Replicator.builder(Repos.FORMATS).build().replicate(source, target);
      repos.everyFormat(source, 1);
      repos.deb(source, "testing", "newcomer", "1.0");
      repos.jar(source, "org.other", "tool", "3.0");
      repos.wheel(source, "second-lib", "0.1");
      ReaderPacedStorage paced = new ReaderPacedStorage(target);
      AtomicBoolean done = new AtomicBoolean();
      List<String> failures = new ArrayList<>();
      CompletableFuture<Integer> reader =
          CompletableFuture.supplyAsync(
              () -> {
                int passes = 0;
                while (!done.get()) {
                  long before = paced.writes();
                  String failure = verify(targetDir, key, true);
                  if (failure != null) {
                    failures.add("after " + before + " writes: " + failure);
                  }
                  paced.passed(before);
                  passes++;
                }
                return passes;
              });

      ReplicationReport report;
      try {
        report = Replicator.builder(Repos.FORMATS).build().replicate(source, paced);
      } finally {
        done.set(true);
        paced.release();
      }

      int passes = reader.get();
      assertEquals(List.of(), failures);
      assertTrue(passes > paced.writes(), passes + " passes for " + paced.writes() + " writes");
      assertTrue(report.copied() > 40, report.toString());
      assertEquals(
          null, verify(targetDir, key, false), "and the finished target verifies strictly too");
      assertEquals(Repos.liveContent(source), Repos.liveContent(target));
    }
  }

  /** Runs {@code pinrepo verify}; null when it passed, else what it printed. */
  private static String verify(Path repo, Path key, boolean allowLag) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args =
        new ArrayList<>(
            List.of("verify", "--repo", repo.toString(), "--public-key", key.toString()));
    if (allowLag) {
      args.add("--allow-lag");
    }
    int status =
        Pinrepo.execute(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return status == 0 ? null : out + err.toString();
  }
}
