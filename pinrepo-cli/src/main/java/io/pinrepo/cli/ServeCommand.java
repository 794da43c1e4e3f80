package io.pinrepo.cli;

import io.pinrepo.server.RepositoryServer;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pinrepo serve}: a read-only HTTP server over a repository, for development and tests.
 * Production serving is static hosting (S3 + CDN, nginx): see {@code docs/nginx.conf}.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a repository read-only over HTTP.",
      "",
      "Serve a repository read-only over HTTP (GET, HEAD, Range, ETag, PEP 691",
      "negotiation) until interrupted. For development and tests: serve production",
      "repositories from static hosting.",
      "",
      "With --cache-dir, package files are kept on local disk and still served while",
      "the backend is down (tops too, marked with Warning: 110). With --redirect,",
      "package files are answered with a 302 to a presigned S3 URL."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin RepoOptions repo;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (0: any free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(names = "--quiet", description = "Do not log requests.")
  boolean quiet;

  @Mixin ServingOptions serving;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    try (ShutdownSignal signal = ShutdownSignal.install();
        ServingOptions.Served served = serving.around(StorageFlags.openBackend(repo), err);
        RepositoryServer server =
            RepositoryServer.builder(served.storage())
                .redirects(served.redirects())
                .accessLog(served.log())
                .bindAddress(InetAddress.getByName(bind))
                .port(port)
                .onRequest(
                    r -> {
                      if (!quiet) {
                        err.println(r.status() + " " + r.method() + " " + r.path());
                      }
                    })
                .start()) {
      spec.commandLine().getOut().println("serving " + repo.describe() + " at " + server.baseUri());
      spec.commandLine().getOut().flush();
      signal.await();
    }
    return 0;
  }
}
