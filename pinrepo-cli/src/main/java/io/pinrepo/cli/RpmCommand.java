package io.pinrepo.cli;

import io.pinrepo.format.Retention;
import io.pinrepo.rpm.RpmRef;
import io.pinrepo.rpm.RpmRepository;
import io.pinrepo.rpm.RpmSelector;
import io.pinrepo.rpm.SourcePlacement;
import io.pinrepo.rpm.repodata.MetadataCompression;
import io.pinrepo.spi.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pinrepo rpm publish|remove|list}: YUM/DNF repositories. */
@Command(
    name = "rpm",
    mixinStandardHelpOptions = true,
    description = "Publish .rpm packages into signed YUM/DNF repositories, remove and list them.")
final class RpmCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw Subcommands.required(spec);
  }

  /** {@code --path PATH}: which repository of the storage. */
  static final class Target {
    @Option(
        names = "--path",
        required = true,
        paramLabel = "PATH",
        description = "The repository's directory, e.g. el9/x86_64 (dnf's baseurl: REPO/PATH).")
    String path;
  }

  static RpmRepository.Builder builder(Storage storage, SigningOptions signing) throws Exception {
    Clock clock = Clock.systemUTC();
    RpmRepository.Builder builder = RpmRepository.builder(storage).clock(clock);
    signing.signer(clock).ifPresent(builder::signer);
    return builder;
  }

  /** {@code pinrepo rpm publish}. */
  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = {
        "Publish .rpm files into a repository path.",
        "",
        "Source packages (.src.rpm) go into SRPMS beside PATH (el9/x86_64 -> el9/SRPMS)",
        "unless --sources-with-binaries is given. Every version is kept unless",
        "--keep-newest is given. Publishing the same bytes again changes nothing; other",
        "bytes for a listed name, epoch, version, release and architecture are refused."
      })
  static final class Publish implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin SigningOptions signing;
    @Mixin Target target;

    @Option(
        names = "--keep-newest",
        paramLabel = "N",
        description = "Keep only the newest N versions of each name and architecture published.")
    Integer keepNewest;

    @Option(names = "--zstd", description = "Compress repodata with zstd instead of gzip.")
    boolean zstd;

    @Option(
        names = "--sources-with-binaries",
        description = "Put .src.rpm files into PATH itself, as DLRN and Copr do.")
    boolean sourcesWithBinaries;

    @Parameters(arity = "1..*", paramLabel = "FILE.rpm", description = "Packages to publish.")
    List<Path> rpms;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      InputFiles.requireReadable(rpms);
      try (Storage storage = repo.openStorage()) {
        RpmRepository.Builder builder = builder(storage, signing);
        if (keepNewest != null) {
          builder.retention(Retention.keepNewest(keepNewest));
        }
        if (zstd) {
          builder.compression(MetadataCompression.ZSTD);
        }
        if (sourcesWithBinaries) {
          builder.sourcePlacement(SourcePlacement.WITH_BINARIES);
        }
        ChangeLines.print(spec.commandLine().getOut(), builder.build().publish(target.path, rpms));
      }
      return 0;
    }
  }

  /** {@code pinrepo rpm remove}. */
  @Command(
      name = "remove",
      description = {
        "Remove packages from a repository path.",
        "",
        "Removes every version and architecture of the package unless --version",
        "([E:]V[-R]) or --arch narrows it. Package files stay until gc. Removing what is",
        "not listed changes nothing."
      })
  static final class Remove implements Callable<Integer> {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    boolean help;

    @Mixin RepoOptions repo;
    @Mixin SigningOptions signing;
    @Mixin Target target;

    @Option(names = "--package", required = true, paramLabel = "NAME", description = "Package.")
    String name;

    @Option(names = "--version", paramLabel = "EVR", description = "Only this [E:]V[-R].")
    String version;

    @Option(names = "--arch", paramLabel = "A", description = "Only this architecture.")
    String arch;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      RpmSelector selector = RpmSelector.named(name);
      if (version != null) {
        try {
          selector = selector.withVersion(version);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--version " + version + ": " + e.getMessage());
        }
      }
      if (arch != null) {
        selector = selector.withArch(arch);
      }
      try (Storage storage = repo.openStorage()) {
        ChangeLines.printRemoval(
            spec.commandLine(), builder(storage, signing).build().remove(target.path, selector));
      }
      return 0;
    }
  }

  /** {@code pinrepo rpm list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the packages of a repository path.")
  static final class ListPackages implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin Target target;

    @Option(names = "--json", description = "Print a JSON array of packages.")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      List<RpmRef> refs;
      try (Storage storage = repo.openStorage()) {
        RpmRepository rpm = RpmRepository.builder(storage).build();
        if (!rpm.exists(target.path)) {
          throw new IllegalArgumentException(
              "no RPM repository at --path "
                  + target.path
                  + " in "
                  + repo.describe()
                  + " (nothing published there)");
        }
        refs = rpm.list(target.path);
      }
      Listing.print(
          spec.commandLine().getOut(), json, refs, RpmRef::toString, ListPackages::object);
      return 0;
    }

    private static Map<String, Object> object(RpmRef ref) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", ref.name());
      entry.put("epoch", ref.nevra().evr().epoch());
      entry.put("version", ref.nevra().evr().version());
      entry.put("release", ref.nevra().evr().release());
      entry.put("arch", ref.arch());
      entry.put("filename", ref.file().value());
      entry.put("size", ref.size());
      entry.put("sha256", ref.sha256());
      return entry;
    }
  }
}
