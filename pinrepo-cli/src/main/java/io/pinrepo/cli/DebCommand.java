package io.pinrepo.cli;

import io.pinrepo.PackageConflictException;
import io.pinrepo.debian.AptRepository;
import io.pinrepo.debian.DebianVersion;
import io.pinrepo.debian.IndexCompression;
import io.pinrepo.debian.PackageRef;
import io.pinrepo.debian.PackageSelector;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pinrepo deb publish|remove|list}: APT repositories. */
@Command(
    name = "deb",
    mixinStandardHelpOptions = true,
    description = "Publish .deb packages into signed APT repositories, remove and list them.",
    subcommands = {
      DebCommand.Publish.class,
      DebCommand.Remove.class,
      DebCommand.ListPackages.class
    })
final class DebCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: publish, remove or list");
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

    AptRepository.Builder builder(Storage storage, SigningOptions signing) throws Exception {
      Clock clock = Clock.systemUTC();
      AptRepository.Builder builder = AptRepository.builder(storage).clock(clock);
      signing.signer(clock).ifPresent(builder::signer);
      if (origin != null) {
        builder.origin(origin);
      }
      if (label != null) {
        builder.label(label);
      }
      if (xz) {
        builder.compression(IndexCompression.DEFAULT.withXz(1));
      }
      return builder;
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
        "Publish .deb files into a distribution and component.",
        "",
        "Every version is kept unless --replace-older or --keep-newest is given. Publishing",
        "the same bytes again changes nothing; other bytes for a listed name, version and",
        "architecture are refused unless --replace is given."
      })
  static final class Publish implements Callable<Integer>, Failures.Hints {
    @Mixin RepoOptions repo;
    @Mixin SigningOptions signing;
    @Mixin Target target;

    @ArgGroup(exclusive = true)
    Keep keep;

    @Option(names = "--replace", description = "Replace a listed package that has other bytes.")
    boolean replace;

    @Parameters(arity = "1..*", paramLabel = "FILE.deb", description = "Packages to publish.")
    List<Path> debs;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      InputFiles.requireReadable(debs);
      try (Storage storage = repo.openStorage()) {
        AptRepository.Builder builder = target.builder(storage, signing).replaceOnConflict(replace);
        if (keep != null && keep.replaceOlder) {
          builder.retention(Retention.replaceOlder());
        } else if (keep != null && keep.newest != null) {
          builder.retention(Retention.keepNewest(keep.newest));
        }
        ChangeReport<PackageRef> report =
            builder.build().publish(target.dist, target.component, debs);
        print(spec.commandLine().getOut(), report);
      }
      return 0;
    }

    @Override
    public Optional<String> hint(Throwable failure) {
      return failure instanceof PackageConflictException
          ? Optional.of("publish with --replace to replace it, or remove it first")
          : Optional.empty();
    }
  }

  /** {@code pinrepo deb remove}. */
  @Command(
      name = "remove",
      description = {
        "Remove packages from a distribution's component.",
        "",
        "Removes every version and architecture of the package unless --version or --arch",
        "narrows it. Pool files stay until gc. Removing what is not listed changes nothing."
      })
  static final class Remove implements Callable<Integer> {
    @Mixin HelpOption help;
    @Mixin RepoOptions repo;
    @Mixin SigningOptions signing;
    @Mixin Target target;

    @Option(names = "--package", required = true, paramLabel = "NAME", description = "Package.")
    String name;

    @Option(names = "--version", paramLabel = "V", description = "Only this version.")
    String version;

    @Option(names = "--arch", paramLabel = "A", description = "Only this architecture.")
    String arch;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PackageSelector selector = PackageSelector.named(name);
      if (version != null) {
        selector = selector.withVersion(DebianVersion.parse(version));
      }
      if (arch != null) {
        selector = selector.withArchitecture(arch);
      }
      try (Storage storage = repo.openStorage()) {
        AptRepository apt = target.builder(storage, signing).build();
        requireDistribution(apt, target.dist, repo);
        ChangeReport<PackageRef> report = apt.remove(target.dist, target.component, selector);
        print(spec.commandLine().getOut(), report);
        if (report.removed().isEmpty()) {
          spec.commandLine().getErr().println("pinrepo: nothing matched; nothing changed");
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
      PrintWriter out = spec.commandLine().getOut();
      List<Map<String, Object>> listed = new ArrayList<>();
      try (Storage storage = repo.openExisting()) {
        AptRepository apt = AptRepository.builder(storage).build();
        requireDistribution(apt, dist, repo);
        for (PackageRef ref : apt.list(dist)) {
          if (component == null || component.equals(ref.component())) {
            if (json) {
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("component", ref.component());
              entry.put("package", ref.name());
              entry.put("version", ref.version().toString());
              entry.put("architecture", ref.architecture());
              entry.put("filename", ref.file().value());
              entry.put("size", ref.size());
              entry.put("sha256", ref.sha256());
              listed.add(entry);
            } else {
              out.println(ref);
            }
          }
        }
      }
      if (json) {
        out.println(Json.write(listed));
      }
      out.flush();
      return 0;
    }
  }

  static void requireDistribution(AptRepository apt, String dist, RepoOptions repo)
      throws IOException {
    if (!apt.hasDistribution(dist)) {
      throw new IllegalArgumentException(
          "no distribution '" + dist + "' in " + repo.describe() + " (nothing published there)");
    }
  }

  private static void print(PrintWriter out, ChangeReport<PackageRef> report) {
    report.added().forEach(r -> out.println("added " + r + " " + r.file().value()));
    report.unchanged().forEach(r -> out.println("unchanged " + r));
    report.removed().forEach(r -> out.println("removed " + r));
    out.flush();
  }
}
