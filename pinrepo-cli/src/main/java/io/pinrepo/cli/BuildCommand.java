package io.pinrepo.cli;

import io.pinrepo.build.BuildPage;
import io.pinrepo.build.BuildRef;
import io.pinrepo.build.BuildRepository;
import io.pinrepo.build.FetchResult;
import io.pinrepo.build.manifest.BuildMetadata;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.Manifest;
import io.pinrepo.build.manifest.NewBuild;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pinrepo build}: publish immutable builds, list them, fetch one into a directory. */
@Command(
    name = "build",
    description = "Immutable builds: a name, a version, files and metadata.",
    mixinStandardHelpOptions = true)
final class BuildCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Subcommands.required(spec);
  }

  /**
   * {@code pinrepo build publish --repo R --name N --version V [--meta K=V]... [--keep N] FILE...}.
   */
  @Command(
      name = "publish",
      description = {
        "Publish files as build N V (each under its file name).",
        "",
        "The same files and metadata again are a no-op; other content under a published",
        "version is refused (exit 1) and nothing is changed. With --keep N, builds beyond",
        "the newest N leave the name's listing; gc removes those no pointer names."
      })
  static final class Publish implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin BuildArgs.Line line;

    @Option(
        names = "--version",
        required = true,
        paramLabel = "V",
        converter = BuildArgs.VersionConverter.class,
        description = "The build's version (A-Z a-z 0-9 . _ + -).")
    BuildVersion version;

    @Option(
        names = "--meta",
        paramLabel = "KEY=VALUE",
        description = "Metadata to record, e.g. commit=3f9c2e1 (repeatable).")
    Map<String, String> meta = new LinkedHashMap<>();

    @Option(
        names = "--keep",
        paramLabel = "N",
        description = "Keep only the newest N builds of the name listed (default: all).")
    Integer keep;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The build's files.")
    List<Path> files;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      NewBuild.Builder build = NewBuild.builder(line.name, version);
      long bytes = 0;
      for (Path file : files) {
        build.file(file.getFileName().toString(), file);
        bytes += Files.size(file);
      }
      List<BuildMetadata.Entry> entries = new ArrayList<>();
      meta.forEach((k, v) -> entries.add(new BuildMetadata.Entry(k, v)));
      build.metadata(BuildMetadata.of(entries));
      NewBuild newBuild = build.build();
      ChangeReport<BuildRef> report;
      try (Storage storage = repo.openStorage()) {
        BuildRepository.Builder repository = BuildRepository.builder(storage);
        if (keep != null) {
          repository.retention(Retention.keepNewest(BuildArgs.positive(spec, "--keep", keep)));
        }
        report = repository.build().publish(newBuild);
      }
      PrintWriter out = spec.commandLine().getOut();
      String summary = ": " + files.size() + " file(s), " + bytes + " bytes";
      report.added().forEach(r -> out.println("published " + r + summary));
      report.unchanged().forEach(r -> out.println("unchanged " + r + summary));
      report.removed().forEach(r -> out.println("dropped   " + r));
      out.flush();
      return 0;
    }
  }

  /** {@code pinrepo build list --repo R --name N [--limit N] [--json]}. */
  @Command(name = "list", description = "List a name's builds, newest first.")
  static final class ListCommand implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin BuildArgs.Line line;

    @Option(names = "--limit", paramLabel = "N", description = "At most N builds (default: all).")
    Integer limit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (limit != null) {
        BuildArgs.positive(spec, "--limit", limit);
      }
      List<BuildRef> builds = new ArrayList<>();
      try (Storage storage = repo.openStorage()) {
        BuildRepository repository = BuildRepository.on(storage);
        Optional<String> after = Optional.empty();
        do {
          BuildPage page =
              after.isEmpty()
                  ? repository.list(line.name, BuildRepository.MAX_PAGE)
                  : repository.list(line.name, BuildRepository.MAX_PAGE, after.get());
          builds.addAll(page.builds());
          after = page.next();
        } while (after.isPresent() && (limit == null || builds.size() < limit));
      }
      if (limit != null && builds.size() > limit) {
        builds = builds.subList(0, limit);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Map<String, Object>> doc = new ArrayList<>();
        for (BuildRef b : builds) {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("version", b.version());
          entry.put("time", b.time().toString());
          doc.add(entry);
        }
        out.println(Json.write(doc));
      } else {
        builds.forEach(b -> out.println(b.version() + "\t" + b.time()));
      }
      out.flush();
      return 0;
    }
  }

  /** Which build {@code get} fetches: a version, or whatever a pointer names. */
  static final class Which {
    @Option(
        names = "--version",
        required = true,
        paramLabel = "V",
        converter = BuildArgs.VersionConverter.class,
        description = "The build's version.")
    BuildVersion version;

    @Option(
        names = "--pointer",
        required = true,
        paramLabel = "P",
        converter = BuildArgs.PointerConverter.class,
        description = "The build a pointer names now.")
    PointerName pointer;
  }

  /** {@code pinrepo build get --repo R --name N (--version V | --pointer P) --dest DIR}. */
  @Command(
      name = "get",
      description = {
        "Download a build into DIR, verifying every file's SHA-256.",
        "",
        "DIR must not exist or be empty; it is filled only when every file is right."
      })
  static final class Get implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin BuildArgs.Line line;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--dest", required = true, paramLabel = "DIR", description = "Where to.")
    Path dest;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      FetchResult r;
      try (Storage storage = repo.openStorage()) {
        BuildRepository builds = BuildRepository.on(storage);
        r =
            which.version != null
                ? builds.fetch(line.name, which.version, dest)
                : builds.fetch(line.name, which.pointer, dest);
      }
      Manifest m = r.manifest();
      spec.commandLine()
          .getOut()
          .printf(
              "fetched %s %s into %s: %d file(s), %d bytes%n",
              m.name(), m.version(), dest, m.files().size(), m.totalSize());
      return 0;
    }
  }
}
