package io.pinrepo.cli;

import io.pinrepo.access.AccessStats;
import io.pinrepo.access.AccessSummary;
import io.pinrepo.spi.Storage;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pinrepo stats}: sums the access counts the servers wrote into a repository. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Show what was fetched: requests and bytes per region and per key.",
      "",
      "Sum the access counts that pinrepo serve --record-access and pinrepo mirror",
      "serve write under .pinrepo/access/ of a repository (or a mirror region),",
      "once per access period and at shutdown."
    })
final class StatsCommand implements Callable<Integer> {

  @Mixin RepoOptions repo;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Only the periods that ended within this long (e.g. 24h, 7d). Default: all.")
  Duration since;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many keys to list, most requested first. Default: ${DEFAULT-VALUE}.")
  int top;

  @Option(names = "--json", description = "Print the sums as JSON, every key included.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (top < 0) {
      throw new IllegalArgumentException("--top " + top + ": must not be negative");
    }
    AccessSummary summary;
    try (Storage storage = StorageFlags.openBackend(repo)) {
      summary =
          since == null
              ? AccessStats.sumAll(storage)
              : AccessStats.sum(storage, Instant.now().minus(since));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("repository", repo.describe());
      doc.put("files", summary.files());
      doc.put("requests", summary.requests());
      doc.put("bytes", summary.bytes());
      doc.put("from", summary.from().map(Instant::toString).orElse(null));
      doc.put("to", summary.to().map(Instant::toString).orElse(null));
      doc.put("regions", totals(summary.regions()));
      doc.put("statuses", totals(summary.statuses()));
      doc.put("keys", totals(summary.keys()));
      out.println(Json.write(doc));
    } else {
      print(out, summary);
    }
    out.flush();
    return 0;
  }

  private void print(PrintWriter out, AccessSummary summary) {
    out.printf(
        "%d requests, %d bytes%s%n",
        summary.requests(),
        summary.bytes(),
        summary.from().isPresent()
            ? " from " + summary.from().get() + " to " + summary.to().orElseThrow()
            : " (no access counts)");
    if (summary.files() == 0) {
      return;
    }
    out.printf("%n%-24s %10s %14s%n", "REGION", "REQUESTS", "BYTES");
    for (AccessSummary.Total t : summary.regions()) {
      out.printf("%-24s %10d %14d%n", t.name().isEmpty() ? "-" : t.name(), t.requests(), t.bytes());
    }
    out.printf("%n%10s %14s  %s%n", "REQUESTS", "BYTES", "KEY");
    for (AccessSummary.Total t : summary.topKeys(top)) {
      out.printf("%10d %14d  %s%n", t.requests(), t.bytes(), t.name());
    }
  }

  private static List<Map<String, Object>> totals(List<AccessSummary.Total> totals) {
    return totals.stream()
        .map(
            t -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("name", t.name());
              m.put("requests", t.requests());
              m.put("bytes", t.bytes());
              m.put("lastAccess", t.lastAccess().toString());
              return m;
            })
        .toList();
  }
}
