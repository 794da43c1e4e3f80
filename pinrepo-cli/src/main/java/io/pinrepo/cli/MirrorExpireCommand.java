package io.pinrepo.cli;

import io.pinrepo.mirror.ExpiryResult;
import io.pinrepo.mirror.ExpiryRule;
import io.pinrepo.mirror.MirrorExpiry;
import io.pinrepo.spi.Storage;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pinrepo mirror expire}: deletes a region's copies, least recently used first. */
@Command(
    name = "expire",
    mixinStandardHelpOptions = true,
    description = {
      "Delete a region's copies, least recently used first.",
      "",
      "Delete the copies not requested for a period (--unused-for), or the least",
      "recently used ones until the region fits a byte budget (--max-bytes). Use comes",
      "from the access counts mirror serve writes into the region once per access",
      "period, so keep --unused-for well above it. The origin is never touched."
    })
final class MirrorExpireCommand implements Callable<Integer> {

  @Option(
      names = "--region",
      required = true,
      paramLabel = "NAME=REPO",
      converter = RegionSpec.Converter.class,
      description = "The region and its storage.")
  RegionSpec region;

  /** One of the two rules. */
  static final class Rule {
    @Option(
        names = "--max-bytes",
        paramLabel = "N",
        converter = ByteSizeConverter.class,
        description = "Keep the region's copies within N bytes (e.g. 50G).")
    Long maxBytes;

    @Option(
        names = "--unused-for",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "Delete copies not requested for this long (e.g. 30d).")
    Duration unusedFor;

    ExpiryRule rule() {
      return maxBytes != null ? ExpiryRule.maxBytes(maxBytes) : ExpiryRule.unusedFor(unusedFor);
    }
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Rule rule;

  @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Mixin StorageFlags storages;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ExpiryResult result;
    try (Storage storage = storages.open(region.value())) {
      result = MirrorExpiry.of(storage, region.name(), Clock.systemUTC()).run(rule.rule(), dryRun);
    }
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("region", result.region());
      doc.put("dryRun", result.dryRun());
      doc.put("expiredBytes", result.expiredBytes());
      doc.put("kept", result.kept());
      doc.put("keptBytes", result.keptBytes());
      doc.put("leftovers", result.leftovers());
      doc.put(
          "expired",
          result.expired().stream()
              .map(
                  c ->
                      Map.of(
                          "key", c.key().value(),
                          "size", c.size(),
                          "lastUse", c.lastUse().toString()))
              .toList());
      out.println(Json.write(doc));
    } else {
      for (ExpiryResult.Copy copy : result.expired()) {
        out.println(
            (dryRun ? "would delete " : "deleted ")
                + copy.key()
                + " "
                + copy.size()
                + " last used "
                + copy.lastUse());
      }
      spec.commandLine()
          .getErr()
          .printf(
              "%s %d cop%s, %d bytes from region %s; %d kept, %d bytes%n",
              dryRun ? "would delete" : "deleted",
              result.expired().size(),
              result.expired().size() == 1 ? "y" : "ies",
              result.expiredBytes(),
              result.region(),
              result.kept(),
              result.keptBytes());
    }
    out.flush();
    return 0;
  }
}
