package io.pinrepo.cli;

import io.pinrepo.server.RepositoryServer;
import io.pinrepo.spi.Storage;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
      "repositories from static hosting."
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    try (Storage storage = repo.openExisting();
        RepositoryServer server =
            RepositoryServer.builder(storage)
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
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return 0;
  }
}
