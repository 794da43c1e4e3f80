package io.pinrepo.cli;

import io.pinrepo.server.RepositoryServer;
import java.io.IOException;
import java.net.InetAddress;
import picocli.CommandLine.Option;

/** Where a server listens: {@code --port} and {@code --bind}, mixed into the serving commands. */
final class ListenOptions {

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

  /**
   * Sets {@code server}'s address and port to these.
   *
   * @throws java.net.UnknownHostException when {@code --bind} names no address
   */
  RepositoryServer.Builder applyTo(RepositoryServer.Builder server) throws IOException {
    return server.bindAddress(InetAddress.getByName(bind)).port(port);
  }
}
