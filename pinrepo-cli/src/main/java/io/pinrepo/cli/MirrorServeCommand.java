package io.pinrepo.cli;

import io.pinrepo.access.AccessLog;
import io.pinrepo.mirror.CopyVerificationException;
import io.pinrepo.mirror.MirrorListener;
import io.pinrepo.mirror.RegionalMirror;
import io.pinrepo.mirror.RegionalMirrorBuilder;
import io.pinrepo.server.Redirects;
import io.pinrepo.server.RepositoryServer;
import io.pinrepo.server.Site;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pinrepo mirror serve}: answers {@code GET /REGION/KEY}, redirecting package files to the
 * region's copy (copying them first) and serving indexes from the origin.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a repository through regional copies of its package files.",
      "",
      "GET /REGION/KEY answers a package file with a 302 to its copy in the region,",
      "copying it from the origin first (verified against the repository's index; 502",
      "when it does not verify); indexes are served from the origin. Regions on S3 are",
      "reached by presigned URLs, others by --public-url. Access counts are written",
      "into each region's storage (see pinrepo stats and pinrepo mirror expire)."
    })
final class MirrorServeCommand implements Callable<Integer> {

  @Option(
      names = "--origin",
      required = true,
      paramLabel = "REPO",
      description = "The repository: DIR, file:DIR or s3://BUCKET[/PREFIX]. Only read.")
  String origin;

  @Option(
      names = "--region",
      required = true,
      paramLabel = "NAME=REPO",
      converter = RegionSpec.Converter.class,
      description = "A region and the storage its copies live in; repeat for more.")
  List<RegionSpec> regions;

  @Option(
      names = "--public-url",
      paramLabel = "NAME=URL",
      converter = RegionSpec.Converter.class,
      description = "Where clients read a region's copies (URL + key); default: presigned URLs.")
  List<RegionSpec> publicUrls = new ArrayList<>();

  @Mixin ListenOptions listen;

  @Option(
      names = "--lease",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "How long a copy's lease lasts unrenewed; the same on every server. Default:"
              + " ${DEFAULT-VALUE}.")
  Duration lease;

  @Option(
      names = "--max-wait",
      paramLabel = "DURATION",
      defaultValue = "5m",
      converter = DurationConverter.class,
      description =
          "How long a request waits for another's copy (then 503). Default: ${DEFAULT-VALUE}.")
  Duration maxWait;

  @Option(names = "--quiet", description = "Do not log requests and copies.")
  boolean quiet;

  @Mixin AccessOptions access;

  @Mixin StorageFlags storages;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The mirror and what its server needs besides: the origin and each region's access log. */
  private record Opened(RegionalMirror mirror, Storage origin, Map<String, AccessLog> logs) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, URI> urls = publicUrls();
    List<AutoCloseable> open = new ArrayList<>();
    try (ShutdownSignal signal = ShutdownSignal.install()) {
      try {
        Opened opened = open(urls, open, err);
        try (RepositoryServer server = start(opened, err)) {
          spec.commandLine()
              .getOut()
              .println(
                  "serving mirror of "
                      + origin
                      + " at "
                      + server.baseUri()
                      + " (regions: "
                      + String.join(", ", opened.mirror().regions().stream().sorted().toList())
                      + ")");
          spec.commandLine().getOut().flush();
          signal.await();
        }
      } finally {
        closeAll(open); // recorders flush before their storages close
      }
    }
    return 0;
  }

  /** Opens the storages, the recorders and the mirror, remembering each in {@code open}. */
  private Opened open(Map<String, URI> urls, List<AutoCloseable> open, PrintWriter err)
      throws IOException {
    Storage originStorage = remember(open, storages.open(origin));
    RegionalMirrorBuilder builder =
        RegionalMirror.builder(originStorage)
            // server-side copies pay only between S3 buckets; a directory's is a byte copy
            .serverSideCopy(origin.startsWith("s3://"))
            .leaseDuration(lease)
            .maxWait(maxWait)
            .listener(listener(err));
    Map<String, AccessLog> logs = new LinkedHashMap<>();
    for (RegionSpec region : regions) {
      Storage storage = remember(open, storages.open(region.value()));
      URI url = urls.get(region.name());
      builder =
          url == null
              ? builder.region(region.name(), storage)
              : builder.region(region.name(), storage, url);
      logs.put(region.name(), remember(open, access.recorder(storage, err)));
    }
    return new Opened(remember(open, builder.build()), originStorage, logs);
  }

  /** One site per region: the origin's indexes, redirects to the region's copies. */
  private RepositoryServer start(Opened opened, PrintWriter err) throws IOException {
    List<Site> sites = new ArrayList<>();
    for (RegionSpec region : regions) {
      sites.add(
          new Site(
              region.name(), opened.origin(), Redirects.toRegion(opened.mirror(), region.name())));
    }
    return listen
        .applyTo(RepositoryServer.builder(sites))
        .accessLog(record -> opened.logs().get(record.region()).record(record))
        .onRequest(
            r -> {
              if (!quiet) {
                err.println(r.status() + " " + r.method() + " " + r.path());
              }
            })
        .start();
  }

  private Map<String, URI> publicUrls() {
    Map<String, URI> urls = new LinkedHashMap<>();
    List<String> names = regions.stream().map(RegionSpec::name).toList();
    for (RegionSpec spec : publicUrls) {
      if (!names.contains(spec.name())) {
        throw new IllegalArgumentException(
            "--public-url " + spec.name() + "=...: there is no --region " + spec.name());
      }
      urls.put(spec.name(), URI.create(spec.value()));
    }
    for (RegionSpec region : regions) {
      if (!region.value().startsWith("s3://") && !urls.containsKey(region.name())) {
        throw new IllegalArgumentException(
            "--region "
                + region.name()
                + "="
                + region.value()
                + ": a region that is not on S3 needs --public-url "
                + region.name()
                + "=URL, where clients read its copies");
      }
    }
    return urls;
  }

  private MirrorListener listener(PrintWriter err) {
    return new MirrorListener() {
      @Override
      public void copied(
          ObjectKey key, String region, long bytes, Duration took, boolean serverSide) {
        if (!quiet) {
          err.printf(
              "copied %s into %s: %d bytes in %d ms%s%n",
              key, region, bytes, took.toMillis(), serverSide ? " (server-side)" : "");
        }
      }

      @Override
      public void verificationFailed(
          ObjectKey key, String region, CopyVerificationException cause) {
        err.println("pinrepo: " + cause.getMessage());
      }
    };
  }

  private static <T extends AutoCloseable> T remember(List<AutoCloseable> open, T resource) {
    open.add(resource);
    return resource;
  }

  private static void closeAll(List<AutoCloseable> open) throws Exception {
    Exception failure = null;
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
