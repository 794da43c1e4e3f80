package io.pinrepo.cli;

import io.pinrepo.build.format.BuildFormat;
import io.pinrepo.build.format.BuildRetention;
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
      "than the longest publish (and than an hour)."
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
      description = "Spare files younger than this (e.g. 30m, 24h, 0s). Default: ${DEFAULT-VALUE}.")
  Duration grace;

  @Option(
      names = "--keep-builds",
      paramLabel = "N",
      description =
          "Keep only the newest N builds of each build line, besides those a pointer names"
              + " or named recently (default: keep all).")
  Integer keepBuilds;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Progress progress = Progress.onStderr(spec.commandLine().getErr());
    GarbageCollector.Result result;
    try (Storage storage = repo.openStorage()) {
      BuildFormat builds = new BuildFormat();
      if (keepBuilds != null) {
        builds = builds.withRetention(BuildRetention.keepNewest(keepBuilds));
      }
      GarbageCollector gc = new GarbageCollector(Formats.all(builds), Clock.systemUTC());
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
              grace);
    }
    out.flush();
    return 0;
  }
}
