package io.pinrepo.cli;

import io.pinrepo.debian.AptPromotion;
import io.pinrepo.debian.AptRepository;
import io.pinrepo.debian.Promotion;
import io.pinrepo.spi.Storage;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pinrepo deb promote} and {@code pinrepo deb history}: promotion between APT dists. */
final class DebPromoteCommand {

  private DebPromoteCommand() {}

  /** Where a promotion's content comes from: another distribution or a recorded revision. */
  static final class From {
    @Option(
        names = "--from",
        required = true,
        paramLabel = "DIST",
        description = "Promote what this distribution lists now.")
    String dist;

    @Option(
        names = "--revision",
        required = true,
        paramLabel = "N",
        description = "Restore what revision N of the target's history listed.")
    Integer revision;
  }

  /** {@code pinrepo deb promote}. */
  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description = {
        "Point a distribution at another's indexes, or back at a revision.",
        "",
        "One conditional commit of the target's InRelease (or Release), with its",
        "own Suite, Codename and signature; no pool file is copied. Each promotion",
        "is recorded in the target's history (see 'deb history'), which keeps the",
        "newest --keep-history ones: gc keeps what they list, and --revision",
        "restores any of them byte for byte."
      })
  static final class Promote implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin SigningOptions signing;

    @ArgGroup(exclusive = true, multiplicity = "1")
    From from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "DIST",
        description = "The distribution to change.")
    String to;

    @Option(names = "--note", paramLabel = "TEXT", description = "One line for the history.")
    String note;

    @Option(names = "--origin", paramLabel = "X", description = "Target Release Origin field.")
    String origin;

    @Option(names = "--label", paramLabel = "X", description = "Target Release Label field.")
    String label;

    @Option(
        names = "--keep-history",
        paramLabel = "N",
        defaultValue = "" + AptPromotion.DEFAULT_KEEP,
        description = "Promotions the target's history keeps. Default: ${DEFAULT-VALUE}.")
    int keep;

    @Option(
        names = "--by-hash-retention",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "How long the target's superseded indexes stay fetchable. Default: 24h.")
    Duration byHashRetention;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (keep < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--keep-history must be at least 1: " + keep);
      }
      try (Storage storage = repo.openStorage()) {
        AptRepository apt =
            DebCommand.builder(storage, signing, origin, label, byHashRetention).build();
        AptPromotion promotion = apt.promotion().keepingHistory(keep);
        String text = note == null ? "" : note;
        PrintWriter out = spec.commandLine().getOut();
        if (from.dist != null) {
          DebCommand.requireDistribution(apt, from.dist, repo);
          Promotion made = promotion.promote(from.dist, to, text);
          out.println(
              "promoted "
                  + from.dist
                  + " to "
                  + to
                  + ": revision "
                  + made.revision()
                  + files(made));
        } else {
          Promotion made = promotion.rollback(to, from.revision, text);
          out.println(
              "restored revision "
                  + from.revision
                  + " of "
                  + to
                  + " as revision "
                  + made.revision()
                  + files(made));
        }
        out.flush();
      }
      return 0;
    }

    private static String files(Promotion made) {
      return " (" + made.files().size() + " index files)";
    }
  }

  /** {@code pinrepo deb history}. */
  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description = "Print the promotions a distribution's history keeps, oldest first.")
  static final class History implements Callable<Integer> {
    @Mixin RepoOptions repo;

    @Option(names = "--dist", required = true, paramLabel = "D", description = "Distribution.")
    String dist;

    @Option(names = "--json", description = "Print a JSON array of promotions.")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Optional<Integer> current;
      List<Promotion> history;
      try (Storage storage = repo.openStorage()) {
        AptRepository apt = AptRepository.builder(storage).build();
        DebCommand.requireDistribution(apt, dist, repo);
        AptPromotion promotion = apt.promotion();
        current = promotion.currentRevision(dist);
        history = promotion.history(dist);
      }
      Predicate<Promotion> isCurrent = p -> current.equals(Optional.of(p.revision()));
      Listing.print(
          spec.commandLine().getOut(),
          json,
          history,
          p -> line(p, isCurrent.test(p)),
          p -> json(p, isCurrent.test(p)));
      if (!json && history.isEmpty()) {
        spec.commandLine().getErr().println("pinrepo: no promotion of " + dist + " recorded");
      }
      return 0;
    }

    private static String line(Promotion p, boolean current) {
      StringBuilder sb = new StringBuilder();
      sb.append(p.revision()).append(' ').append(p.time()).append(' ').append(p.source());
      sb.append(' ').append(p.sourceReleaseSha256());
      p.restored().ifPresent(r -> sb.append(" restores ").append(r));
      if (current) {
        sb.append(" (current)");
      }
      p.note().ifPresent(n -> sb.append(" -- ").append(n));
      return sb.toString();
    }

    private static Map<String, Object> json(Promotion p, boolean current) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("revision", p.revision());
      entry.put("time", p.time().toString());
      entry.put("source", p.source());
      entry.put("sourceReleaseSha256", p.sourceReleaseSha256());
      entry.put("restores", p.restored().isPresent() ? p.restored().getAsInt() : null);
      entry.put("note", p.note().orElse(null));
      entry.put("current", current);
      entry.put("indexFiles", p.files().size());
      return entry;
    }
  }
}
