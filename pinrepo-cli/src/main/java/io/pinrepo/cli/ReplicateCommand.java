package io.pinrepo.cli;

import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.replication.ReplicationReport;
import io.pinrepo.replication.Replicator;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pinrepo replicate}: copies a repository, or one distribution, project or group of it, to
 * another storage with {@link Replicator}, so that readers of the target never see a torn state;
 * with {@code --watch}, again whenever the source's tops change, until SIGTERM or SIGINT. A watch
 * reports a failed run (the source unreachable, another writer in the target) as one line and tries
 * again at the next interval; only the first run's failure ends the command.
 */
@Command(
    name = "replicate",
    mixinStandardHelpOptions = true,
    description = {
      "Copy a repository to another storage, never torn for readers.",
      "",
      "Copies what the source's indexes reach: package files first, then index files, the",
      "top indexes last, each only if the source did not change it meanwhile. A second run",
      "copies only what differs. --dist, --project or --group copies one part and merges",
      "what every part shares (PyPI's root page, Maven's prefix file) into the target's."
    })
final class ReplicateCommand implements Callable<Integer>, OneLineUsage.Terse {

  /** A watch runs in full at least this often, counted in intervals: new tops are not statted. */
  static final int FULL_RUN_EVERY = 10;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "REPO",
      description = "The source: DIR, file:DIR or s3://BUCKET[/PREFIX].")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "REPO",
      description = "The target: DIR, file:DIR or s3://BUCKET[/PREFIX].")
  String to;

  @Option(
      names = "--delete",
      description = "Delete from the target what the source no longer reaches, after --grace.")
  boolean delete;

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "With --delete: how long a file stays after it became unreachable (default 1h), for"
              + " readers still following the old indexes.")
  Duration grace;

  @Option(names = "--dry-run", description = "Report what would be copied; write nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print each run's result as one line of JSON.")
  boolean json;

  @Option(
      names = "--watch",
      paramLabel = "INTERVAL",
      converter = DurationConverter.class,
      description =
          "Keep running: check the source's indexes every INTERVAL (e.g. 10s) and replicate"
              + " again when they changed, until stopped.")
  Duration watch;

  @Option(names = "--dist", paramLabel = "D", description = "Copy only this APT distribution.")
  String dist;

  @Option(names = "--project", paramLabel = "P", description = "Copy only this PyPI project.")
  String project;

  @Option(names = "--group", paramLabel = "G", description = "Copy only this Maven groupId.")
  String group;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "8",
      description = "Files copied at once. Default: ${DEFAULT-VALUE}.")
  int parallel;

  @Mixin StorageFlags storages;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Replicator replicator = replicator();
    PrintWriter out = spec.commandLine().getOut();
    try (Storage source = storages.open(from);
        Storage target = storages.open(to)) {
      ReplicationReport last = replicator.replicate(source, target);
      print(out, last);
      if (watch == null) {
        return 0;
      }
      try (ShutdownSignal signal = ShutdownSignal.install()) {
        for (int checks = 1; !signal.await(watch); checks++) {
          try {
            if (checks % FULL_RUN_EVERY == 0 || replicator.sourceMoved(source, last)) {
              last = replicator.replicate(source, target);
              if (last.changedTarget() || json) {
                print(out, last);
              }
            }
          } catch (IOException e) {
            // The target stays consistent whatever failed; the next interval tries again.
            spec.commandLine().getErr().println("pinrepo: " + Failures.message(e, "replicate"));
            spec.commandLine().getErr().flush();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }
  }

  /** The replicator the options describe; a usage error when they contradict each other. */
  private Replicator replicator() {
    int scopes = (dist != null ? 1 : 0) + (project != null ? 1 : 0) + (group != null ? 1 : 0);
    if (scopes > 1) {
      throw usage("--dist, --project and --group exclude each other: name one part");
    }
    if (grace != null && !delete) {
      throw usage("--grace applies to --delete, which is not given");
    }
    if (watch != null && (watch.isZero() || dryRun)) {
      throw usage(
          dryRun ? "--watch with --dry-run would never copy" : "--watch 0s: use 1s or more");
    }
    if (parallel < 1 || parallel > 256) {
      throw usage("--parallel " + parallel + ": use 1 to 256");
    }
    Replicator.Builder builder =
        Replicator.builder(RepositoryFormats.installed()).dryRun(dryRun).parallelism(parallel);
    if (delete) {
      builder.deleteUnreachable(grace == null ? Duration.ofHours(1) : grace);
    }
    try {
      if (dist != null) {
        builder.scope("dist", dist);
      } else if (project != null) {
        builder.scope("project", project);
      } else if (group != null) {
        builder.scope("group", group);
      }
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    return builder.build();
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private void print(PrintWriter out, ReplicationReport report) throws IOException {
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("from", from);
      doc.put("to", to);
      doc.put("dryRun", report.dryRun());
      doc.put("formats", report.formats());
      doc.put("copied", report.copied());
      doc.put("skipped", report.skipped());
      doc.put("deleted", report.deleted());
      doc.put("bytes", report.bytes());
      doc.put("rounds", report.rounds());
      doc.put("awaitingDeletion", report.awaitingDeletion());
      out.println(Json.write(doc));
    } else {
      out.printf(
          "%s %d file(s), %d bytes; %d already there; %d deleted%s (%s)%n",
          report.dryRun() ? "would copy" : "copied",
          report.copied(),
          report.bytes(),
          report.skipped(),
          report.deleted(),
          report.awaitingDeletion() > 0
              ? ", " + report.awaitingDeletion() + " awaiting deletion"
              : "",
          String.join(", ", report.formats()));
    }
    out.flush();
  }
}
