package io.pinrepo.cli;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.format.Retention;
import io.pinrepo.maven.ArtifactFile;
import io.pinrepo.maven.ArtifactRef;
import io.pinrepo.maven.Coordinates;
import io.pinrepo.maven.Deployment;
import io.pinrepo.maven.ListedVersion;
import io.pinrepo.maven.MavenRepository;
import io.pinrepo.maven.pom.Pom;
import io.pinrepo.maven.pom.PomReader;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pinrepo maven}: deploy into and list Maven repositories. */
@Command(
    name = "maven",
    description = "Maven repositories: deploy releases and snapshots, list what is there.",
    mixinStandardHelpOptions = true)
final class MavenCommand implements Runnable {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw Subcommands.required(spec);
  }

  /** {@code pinrepo maven deploy}: one POM and the artifacts of its GAV. */
  @Command(
      name = "deploy",
      mixinStandardHelpOptions = true,
      description = {
        "Deploy one POM and its artifacts.",
        "",
        "Each artifact is named artifactId-version[-classifier].extension, which gives its",
        "classifier and extension."
      })
  static final class Deploy implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin SigningOptions signing;

    @Option(
        names = "--coordinates",
        paramLabel = "G:A:V",
        description = "Coordinates to use instead of the POM's (e.g. when it uses $${revision}).")
    String coordinates;

    @Option(
        names = "--keep-snapshots",
        paramLabel = "N",
        description = "Keep only the newest N builds of a snapshot version (default: all).")
    int keepSnapshots;

    @Option(
        names = "--prefix-file",
        description = "Maintain .meta/prefixes.txt (then use it on every deploy).")
    boolean prefixFile;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "FILE.pom [FILE...]")
    List<Path> files;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      InputFiles.requireReadable(files);
      Path pomFile = pomOf(files);
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          throw new NoSuchFileException(f.toString());
        }
      }
      Coordinates c = coordinatesOf(pomFile);
      Deployment deployment =
          Deployment.of(pomFile.toString(), ContentSource.ofPath(pomFile), artifactsOf(c, pomFile));
      if (coordinates != null) {
        deployment = deployment.withCoordinates(c);
      }
      Clock clock = Clock.systemUTC();
      Optional<Signer> signer = signing.signer(clock);
      try (Storage storage = repo.openStorage()) {
        MavenRepository.Builder builder =
            MavenRepository.builder(storage)
                .clock(clock)
                .retention(
                    keepSnapshots == 0 ? Retention.keepAll() : Retention.keepNewest(keepSnapshots))
                .prefixFile(prefixFile);
        signer.ifPresent(builder::signer);
        ChangeReport<ArtifactRef> report = builder.build().deploy(deployment);
        ArtifactRef any =
            report.added().isEmpty() ? report.unchanged().get(0) : report.added().get(0);
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            (report.changed() ? "deployed " : "unchanged ")
                + any.coordinates()
                + (any.buildNumber() > 0 ? " as " + any.fileVersion() : "")
                + " ("
                + (report.added().size() + report.unchanged().size())
                + " files)");
        out.flush();
      }
      return 0;
    }

    /**
     * Every file but the POM as an artifact of {@code c}, named {@code
     * artifactId-version[-classifier].extension}; a deploy is one GAV, so every file named
     * otherwise, or for a classifier and extension another file has, is refused, each with its own
     * cause, before anything is opened for writing.
     */
    private List<ArtifactFile> artifactsOf(Coordinates c, Path pomFile) throws IOException {
      List<ArtifactFile> artifacts = new ArrayList<>();
      List<PinrepoException> refused = new ArrayList<>();
      Map<String, Path> kinds = new LinkedHashMap<>();
      for (Path f : files) {
        if (f.equals(pomFile)) {
          continue;
        }
        try {
          ArtifactFile a = ArtifactFile.fromFileName(c, f.toString(), ContentSource.ofPath(f));
          Path first = kinds.putIfAbsent(a.classifier() + ":" + a.extension(), f);
          if (first != null) {
            refused.add(
                new MalformedPackageException(
                    f.toString(), "names the same artifact as " + first + ": give one of them"));
          } else {
            artifacts.add(a);
          }
        } catch (MalformedPackageException e) {
          refused.add(e);
        }
      }
      if (!refused.isEmpty()) {
        throw RefusedBatchException.refusal(refused);
      }
      return artifacts;
    }

    private Coordinates coordinatesOf(Path pomFile) throws IOException {
      if (coordinates != null) {
        try {
          return Coordinates.parse(coordinates);
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), "--coordinates: " + e.getMessage());
        }
      }
      Pom pom;
      try (InputStream in = Files.newInputStream(pomFile)) {
        pom = PomReader.read(pomFile.toString(), in);
      }
      try {
        return new Coordinates(pom.groupId(), pom.artifactId(), pom.version());
      } catch (IllegalArgumentException e) {
        boolean property = (pom.groupId() + pom.artifactId() + pom.version()).contains("${");
        throw new MalformedPackageException(
            pomFile.toString(),
            e.getMessage()
                + (property ? " (properties are not interpolated: give --coordinates G:A:V)" : ""),
            e);
      }
    }

    private static Path pomOf(List<Path> files) throws IOException {
      List<Path> poms = files.stream().filter(f -> f.toString().endsWith(".pom")).toList();
      if (poms.size() != 1) {
        throw new IllegalArgumentException(
            "a deploy is one POM and its artifacts: exactly one .pom file is needed, "
                + poms.size()
                + " given");
      }
      return poms.get(0);
    }
  }

  /** {@code pinrepo maven list}: the artifacts, or one artifact's versions. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the artifacts, or one artifact's versions.",
        "",
        "Without an argument, lists every GROUP:ARTIFACT; with one, its versions in Maven order",
        "(a snapshot followed by its newest build)."
      })
  static final class ListArtifacts implements Callable<Integer> {
    @Mixin RepoOptions repo;

    @Parameters(arity = "0..1", paramLabel = "GROUP:ARTIFACT")
    String artifact;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (Storage storage = repo.openExisting()) {
        MavenRepository catalog = MavenRepository.builder(storage).build();
        if (artifact == null && json) {
          out.println(Json.write(catalog.artifacts().stream().map(Object::toString).toList()));
        } else if (artifact == null) {
          catalog.artifacts().forEach(out::println);
        } else {
          String[] ga = artifact.split(":", -1);
          if (ga.length != 2) {
            throw new IllegalArgumentException("not GROUP:ARTIFACT: '" + artifact + "'");
          }
          List<Map<String, Object>> listed = new ArrayList<>();
          for (ListedVersion v : catalog.versions(ga[0], ga[1])) {
            if (json) {
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("version", v.version());
              if (!v.newestBuild().isEmpty()) {
                entry.put("newestBuild", v.newestBuild());
              }
              listed.add(entry);
            } else {
              out.println(
                  v.newestBuild().isEmpty() ? v.version() : v.version() + " " + v.newestBuild());
            }
          }
          if (json) {
            out.println(Json.write(listed));
          }
        }
      }
      out.flush();
      return 0;
    }
  }
}
