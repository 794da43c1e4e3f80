package io.pinrepo.cli;

import io.pinrepo.server.RepositoryServer;
import java.io.PrintWriter;
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
      "Answers GET, HEAD, Range, ETag and PEP 691 negotiation until interrupted. For",
      "development and tests: serve production repositories from static hosting.",
      "",
      "With --cache-dir, package files are kept on local disk and still served while",
      "the backend is down (tops too, marked with Warning: 110). With --redirect,",
      "package files are answered with a 302 to a presigned S3 URL."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin RepoOptions repo;

  @Mixin ListenOptions listen;

  @Option(names = "--quiet", description = "Do not log requests.")
  boolean quiet;

  @Mixin ServingOptions serving;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    try (ShutdownSignal signal = ShutdownSignal.install();
        ServingOptions.Served served = serving.around(repo.openExisting(), err);
        RepositoryServer server =
            listen
                .applyTo(RepositoryServer.builder(served.storage()))
                .redirects(served.redirects())
                .accessLog(served.log())
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
