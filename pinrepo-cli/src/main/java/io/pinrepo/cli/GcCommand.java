package io.pinrepo.cli;

import io.pinrepo.commit.Blobs;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.gc.GarbageCollector;
import io.pinrepo.spi.Storage;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pinrepo gc}: deletes files no index reaches, older than a grace period. */
@Command(
    name = "gc",
    mixinStandardHelpOptions = true,
    description = {
      "Delete files no index reaches, past a grace period.",
      "",
      "Delete package and by-hash files that no live index reaches and that are older",
      "than the grace period. Safe while publishers run if the grace period is longer",
      "than the longest publish and than an hour (a publish that re-uses a file younger",
      "than an hour relies on the grace period alone). A shorter grace, such as 0s to",
      "clean up right away, is accepted with a warning: use it only when nothing publishes."
    })
final class GcCommand implements Callable<Integer> {

  @Mixin RepoOptions repo;

  @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
  boolean dryRun;

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      defaultValue = "24h",
      converter = DurationConverter.class,
      description =
          "Spare files younger than this (e.g. 30m, 24h; under 1h warns). Default: ${DEFAULT-VALUE}.")
  Duration grace;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Progress progress = Progress.onStderr(spec.commandLine().getErr());
    GarbageCollector.Result result;
    try (Storage storage = repo.openExisting()) {
      if (grace.compareTo(Blobs.REFRESH_AFTER) < 0) {
        spec.commandLine()
            .getErr()
            .println(
                "pinrepo: warning: --grace "
                    + DurationConverter.format(grace)
                    + " is under an hour: a publish running meanwhile may lose files it has"
                    + " uploaded but not yet committed; use it only when nothing publishes");
      }
      GarbageCollector gc = new GarbageCollector(RepositoryFormats.installed(), Clock.systemUTC());
      result =
          gc.run(
              storage,
              grace,
              dryRun,
              info -> {
                if (!json) {
                  out.println(
                      (dryRun ? "would delete " : "deleted ") + info.key() + " " + info.size());
                }
                progress.step(info.key().value());
              });
    }
    progress.done();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("repository", repo.describe());
      doc.put("dryRun", result.dryRun());
      doc.put("formats", result.formatsFound());
      doc.put("live", result.live());
      doc.put("spared", result.spared());
      doc.put("collectedBytes", result.collectedBytes());
      doc.put(
          "collected",
          result.collected().stream()
              .map(i -> Map.of("key", i.key().value(), "size", i.size()))
              .toList());
      out.println(Json.write(doc));
    } else {
      spec.commandLine()
          .getErr()
          .printf(
              "%s %d file(s), %d bytes; %d live, %d spared (younger than %s or in use)%n",
              result.dryRun() ? "would delete" : "deleted",
              result.collected().size(),
              result.collectedBytes(),
              result.live(),
              result.spared(),
              DurationConverter.format(grace));
    }
    out.flush();
    return 0;
  }
}
