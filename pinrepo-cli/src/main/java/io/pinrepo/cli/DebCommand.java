package io.pinrepo.cli;

import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.debian.AptRepository;
import io.pinrepo.debian.DebianVersion;
import io.pinrepo.debian.IndexCompression;
import io.pinrepo.debian.PackageRef;
import io.pinrepo.debian.PackageSelector;
import io.pinrepo.debian.PurgeReport;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pinrepo deb publish|remove|purge|list|promote|history}: APT repositories. */
@Command(
    name = "deb",
    mixinStandardHelpOptions = true,
    description = "Publish, list, remove, purge and promote Debian packages in APT repositories.")
final class DebCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw Subcommands.required(spec);
  }

  /** Options every writing subcommand shares. */
  static final class Target {
    @Option(names = "--dist", required = true, paramLabel = "D", description = "Distribution.")
    String dist;

    @Option(
        names = "--component",
        defaultValue = "main",
        paramLabel = "C",
        description = "Component. Default: ${DEFAULT-VALUE}.")
    String component;

    @Option(names = "--origin", paramLabel = "X", description = "Release Origin field.")
    String origin;

    @Option(names = "--label", paramLabel = "X", description = "Release Label field.")
    String label;

    @Option(names = "--xz", description = "Also write Packages.xz (slower).")
    boolean xz;

    @Option(
        names = "--by-hash-retention",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = {
          "How long indexes this change supersedes stay fetchable by hash, and the packages they",
          "list out of gc's reach, for clients that read the previous InRelease (e.g. 0s, 6h).",
          "Default: 24h."
        })
    Duration byHashRetention;

    AptRepository.Builder builder(Storage storage, SigningOptions signing) throws Exception {
      AptRepository.Builder builder =
          DebCommand.builder(storage, signing, origin, label, byHashRetention);
      if (xz) {
        builder.compression(IndexCompression.DEFAULT.withXz(1));
      }
      return builder;
    }
  }

  /**
   * A repository on {@code storage} that signs with {@code signing}'s key, if any, and writes the
   * Release fields and by-hash retention given; a null one keeps the default.
   */
  static AptRepository.Builder builder(
      Storage storage,
      SigningOptions signing,
      String origin,
      String label,
      Duration byHashRetention)
      throws Exception {
    Clock clock = Clock.systemUTC();
    AptRepository.Builder builder = AptRepository.builder(storage).clock(clock);
    signing.signer(clock).ifPresent(builder::signer);
    if (origin != null) {
      builder.origin(origin);
    }
    if (label != null) {
      builder.label(label);
    }
    if (byHashRetention != null) {
      builder.byHashRetention(byHashRetention);
    }
    return builder;
  }

  /**
   * Which packages a remove or purge takes: a name, narrowed by version and architecture. Its
   * {@code --version} takes the place of the standard {@code -V, --version}, so it brings {@code
   * -h, --help} itself.
   */
  static final class Selection {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--package", required = true, paramLabel = "NAME", description = "Package.")
    String name;

    @Option(names = "--version", paramLabel = "V", description = "Only this version.")
    String version;

    @Option(names = "--arch", paramLabel = "A", description = "Only this architecture.")
    String arch;

    PackageSelector selector() {
      PackageSelector selector = PackageSelector.named(name);
      if (version != null) {
        selector = selector.withVersion(DebianVersion.parse(version));
      }
      if (arch != null) {
        selector = selector.withArchitecture(arch);
      }
      return selector;
    }
  }

  /** How many versions a publish keeps. */
  static final class Keep {
    @Option(
        names = "--replace-older",
        description = "Drop older versions of each package published (deb-s3's default).")
    boolean replaceOlder;

    @Option(
        names = "--keep-newest",
        paramLabel = "N",
        description = "Keep only the newest N versions of each package published.")
    Integer newest;
  }

  /** {@code pinrepo deb publish}. */
  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = {
        "Publish .deb and .udeb files into a distribution and component.",
        "",
        "Every file is checked before anything is written: if any is not a valid package, or",
        "has other bytes than a listed package of its name, version and architecture (unless",
        "--replace is given), nothing is written and each such file gets its own line.",
        "Publishing the same bytes again changes nothing. Every version is kept unless",
        "--replace-older or --keep-newest is given; they prune also when a file given is",
        "already listed. A .udeb is listed under COMPONENT/debian-installer/."
      })
  static final class Publish implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin SigningOptions signing;
    @Mixin Target target;

    @ArgGroup(exclusive = true)
    Keep keep;

    @Option(names = "--replace", description = "Replace a listed package that has other bytes.")
    boolean replace;

    @Option(
        names = "--no-data-check",
        description = {
          "Do not read each package's data.tar through (about ten times faster for large",
          "packages you built yourself); its decompression bombs and climbing paths then go",
          "unnoticed until dpkg installs it. The control archive is always checked."
        })
    boolean noDataCheck;

    @Parameters(
        arity = "1..*",
        paramLabel = "FILE.deb",
        description = "Packages to publish (.deb or .udeb).")
    List<Path> debs;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      InputFiles.requireReadable(debs);
      try (Storage storage = repo.openStorage()) {
        AptRepository.Builder builder =
            target
                .builder(storage, signing.inBackground())
                .replaceOnConflict(replace)
                .checkData(!noDataCheck);
        if (keep != null && keep.replaceOlder) {
          builder.retention(Retention.replaceOlder());
        } else if (keep != null && keep.newest != null) {
          builder.retention(Retention.keepNewest(keep.newest));
        }
        ChangeReport<PackageRef> report;
        try {
          report = builder.build().publish(target.dist, target.component, debs);
        } catch (PackageConflictException | RefusedBatchException e) {
          throw replaceHint(e);
        }
        ChangeLines.print(spec.commandLine().getOut(), report);
      }
      return 0;
    }
  }

  /** {@code pinrepo deb remove}. */
  @Command(
      name = "remove",
      description = {
        "Remove packages from a distribution's component.",
        "",
        "Removes every version and architecture of the package unless --version or --arch",
        "narrows it. Pool files stay until gc (purge deletes them now). Removing what is not",
        "listed changes nothing."
      })
  static final class Remove implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin SigningOptions signing;
    @Mixin Target target;
    @Mixin Selection selection;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PackageSelector selector = selection.selector();
      try (Storage storage = repo.openStorage()) {
        AptRepository apt = target.builder(storage, signing).build();
        requireDistribution(apt, target.dist, repo);
        ChangeLines.printRemoval(
            spec.commandLine(), apt.remove(target.dist, target.component, selector));
      }
      return 0;
    }
  }

  /** {@code pinrepo deb purge}. */
  @Command(
      name = "purge",
      description = {
        "Remove packages and delete their files now, for packages that leaked.",
        "",
        "Takes the packages out of the component (also ones removed before), forgets the",
        "superseded indexes that still list their files, and deletes each file that no index of",
        "another distribution or component lists. Not safe while someone publishes the same",
        "file."
      })
  static final class Purge implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin SigningOptions signing;
    @Mixin Target target;
    @Mixin Selection selection;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try (Storage storage = repo.openStorage()) {
        AptRepository apt = target.builder(storage, signing).build();
        requireDistribution(apt, target.dist, repo);
        PurgeReport report = apt.purge(target.dist, target.component, selection.selector());
        PrintWriter out = spec.commandLine().getOut();
        ChangeLines.print(out, report.removal());
        report.purged().stream()
            .filter(r -> !report.removal().removed().contains(r))
            .forEach(r -> out.println("purged " + r));
        report.deleted().forEach(k -> out.println("deleted " + k.value()));
        report.kept().forEach(k -> out.println("kept " + k.value() + " (another index lists it)"));
        out.flush();
        if (report.purged().isEmpty()) {
          spec.commandLine().getErr().println(ChangeLines.NOTHING_MATCHED);
        }
      }
      return 0;
    }
  }

  /** {@code pinrepo deb list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Print the packages of a distribution, one 'name version arch' a line.")
  static final class ListPackages implements Callable<Integer> {
    @Mixin RepoOptions repo;

    @Option(names = "--dist", required = true, paramLabel = "D", description = "Distribution.")
    String dist;

    @Option(names = "--component", paramLabel = "C", description = "Only this component.")
    String component;

    @Option(names = "--json", description = "Print a JSON array of packages.")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      List<PackageRef> refs;
      try (Storage storage = repo.openExisting()) {
        AptRepository apt = AptRepository.builder(storage).build();
        requireDistribution(apt, dist, repo);
        refs =
            apt.list(dist).stream()
                .filter(ref -> component == null || component.equals(ref.component()))
                .toList();
      }
      Listing.print(
          spec.commandLine().getOut(), json, refs, PackageRef::toString, ListPackages::object);
      return 0;
    }

    private static Map<String, Object> object(PackageRef ref) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("component", ref.component());
      entry.put("package", ref.name());
      entry.put("version", ref.version().toString());
      entry.put("architecture", ref.architecture());
      entry.put("filename", ref.file().value());
      entry.put("size", ref.size());
      entry.put("sha256", ref.sha256());
      return entry;
    }
  }

  static void requireDistribution(AptRepository apt, String dist, RepoOptions repo)
      throws IOException {
    if (!apt.hasDistribution(dist)) {
      throw new IllegalArgumentException(
          "no distribution '" + dist + "' in " + repo.describe() + " (nothing published there)");
    }
  }

  /**
   * The refusal with the CLI's way out named: a file with other bytes than a listed package can be
   * published with {@code --replace}.
   */
  private static PinrepoException replaceHint(PinrepoException refusal) {
    if (refusal instanceof RefusedBatchException batch) {
      return new RefusedBatchException(
          batch.causes().stream().map(DebCommand::replaceHint).toList());
    }
    if (refusal instanceof PackageConflictException
        && refusal.getMessage().contains(" is already in ")) {
      PackageConflictException hinted =
          new PackageConflictException(
              refusal.getMessage() + "; publish with --replace to replace it");
      hinted.initCause(refusal);
      return hinted;
    }
    return refusal;
  }
}
