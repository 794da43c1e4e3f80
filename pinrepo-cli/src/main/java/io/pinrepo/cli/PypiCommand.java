package io.pinrepo.cli;

import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.pypi.DistributionRef;
import io.pinrepo.pypi.PypiRepository;
import io.pinrepo.pypi.UnknownReleaseException;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.simple.ProjectFile;
import io.pinrepo.pypi.simple.ProjectPage;
import io.pinrepo.pypi.version.Pep440Version;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pinrepo pypi}: publish wheels and sdists into a simple repository, yank, list. */
@Command(
    name = "pypi",
    description = "Python simple repositories (PEP 503/691; index URL: <base>/simple/).",
    mixinStandardHelpOptions = true)
final class PypiCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Subcommands.required(spec);
  }

  /** {@code pinrepo pypi publish --repo R [--keep N] FILE...}. */
  @Command(
      name = "publish",
      description = "Publish wheels (.whl) and sdists (.tar.gz, .zip).",
      mixinStandardHelpOptions = true)
  static final class Publish implements Callable<Integer> {
    @Mixin RepoOptions repo;

    @Option(
        names = "--keep",
        paramLabel = "N",
        description = "Keep only the newest N versions of each project in its index.")
    Integer keep;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Wheels and sdists.")
    List<Path> files;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      InputFiles.requireReadable(files);
      PrintWriter out = spec.commandLine().getOut();
      try (Storage storage = repo.openStorage()) {
        PypiRepository.Builder builder = PypiRepository.builder(storage);
        if (keep != null) {
          builder.retention(Retention.keepNewest(keep));
        }
        ChangeReport<DistributionRef> report = builder.build().publish(files);
        report.added().forEach(r -> out.println("published " + r));
        report.unchanged().forEach(r -> out.println("unchanged " + r));
        report.removed().forEach(r -> out.println("dropped   " + r));
      }
      return 0;
    }
  }

  /**
   * Options naming one release. Its {@code --version} takes the place of the standard version
   * option, so these commands declare {@code --help} here instead of mixing in the standard ones.
   */
  static final class Release {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--project", required = true, paramLabel = "P", description = "Project name.")
    String project;

    @Option(names = "--version", required = true, paramLabel = "V", description = "Version.")
    String version;

    ProjectName projectName() {
      return ProjectName.of(project);
    }

    Pep440Version parsedVersion() {
      return Pep440Version.parse(version);
    }
  }

  /** {@code pinrepo pypi yank --repo R --project P --version V [--reason TEXT]}. */
  @Command(name = "yank", description = "Yank every file of a version (PEP 592).")
  static final class Yank implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin Release release;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is yanked.")
    String reason = "";

    @Override
    public Integer call() throws IOException {
      try (Storage storage = repo.openStorage()) {
        PypiRepository.on(storage).yank(release.projectName(), release.parsedVersion(), reason);
      }
      return 0;
    }
  }

  /** {@code pinrepo pypi unyank --repo R --project P --version V}. */
  @Command(name = "unyank", description = "Take back a yank.")
  static final class Unyank implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin Release release;

    @Override
    public Integer call() throws IOException {
      try (Storage storage = repo.openStorage()) {
        PypiRepository.on(storage).unyank(release.projectName(), release.parsedVersion());
      }
      return 0;
    }
  }

  /** {@code pinrepo pypi delete-version --repo R --project P --version V}. */
  @Command(
      name = "delete-version",
      description = "Remove a version's files from the index (the names stay taken).")
  static final class DeleteVersion implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin Release release;

    @Override
    public Integer call() throws IOException {
      try (Storage storage = repo.openStorage()) {
        PypiRepository.on(storage).deleteVersion(release.projectName(), release.parsedVersion());
      }
      return 0;
    }
  }

  /** {@code pinrepo pypi list --repo R [PROJECT]}. */
  @Command(
      name = "list",
      description = "List the projects, or one project's files.",
      mixinStandardHelpOptions = true)
  static final class ListCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;

    @Parameters(arity = "0..1", paramLabel = "PROJECT", description = "A project name.")
    String project;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (Storage storage = repo.openExisting()) {
        PypiRepository repository = PypiRepository.on(storage);
        if (project == null) {
          List<String> names = repository.projects().stream().map(ProjectName::toString).toList();
          if (json) {
            out.println(Json.write(names));
          } else {
            names.forEach(out::println);
          }
          out.flush();
          return 0;
        }
        ProjectName name = ProjectName.of(project);
        Optional<ProjectPage> page = repository.read(name);
        if (page.isEmpty()) {
          throw new UnknownReleaseException("no project " + name + " in " + repo.describe());
        }
        if (json) {
          List<Map<String, Object>> files = new ArrayList<>();
          for (ProjectFile f : page.get().files()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", f.version().toString());
            entry.put("filename", f.fileName());
            entry.put("size", f.size());
            entry.put("sha256", f.sha256());
            f.yanked().ifPresent(reason -> entry.put("yanked", reason));
            files.add(entry);
          }
          out.println(Json.write(files));
          out.flush();
          return 0;
        }
        for (ProjectFile f : page.get().files()) {
          out.println(
              f.version()
                  + "\t"
                  + f.fileName()
                  + "\t"
                  + f.size()
                  + "\tsha256="
                  + f.sha256()
                  + f.yanked().map(r -> "\tyanked" + (r.isEmpty() ? "" : ": " + r)).orElse(""));
        }
      }
      return 0;
    }
  }
}
