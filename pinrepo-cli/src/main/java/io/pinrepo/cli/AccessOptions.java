package io.pinrepo.cli;

import io.pinrepo.access.AccessRecorder;
import io.pinrepo.access.AccessRecorderBuilder;
import io.pinrepo.spi.Storage;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a serving command writes its access counts ({@code pinrepo stats} reads them). */
final class AccessOptions {

  @Option(
      names = "--access-period",
      paramLabel = "DURATION",
      defaultValue = "1h",
      converter = DurationConverter.class,
      description =
          "Write the access counts once per period (and at shutdown). Default: ${DEFAULT-VALUE}.")
  Duration period;

  @Option(
      names = "--node",
      paramLabel = "NAME",
      description =
          "This server's name in its access counts; give each server its own (default: host name"
              + " and process id).")
  String node;

  /** A recorder writing into {@code storage}; failures are reported on {@code err}. */
  AccessRecorder recorder(Storage storage, PrintWriter err) {
    AccessRecorderBuilder builder =
        AccessRecorder.builder(storage)
            .period(period)
            .onFailure(e -> err.println("pinrepo: writing access counts: " + Failures.message(e)));
    if (node != null) {
      builder.node(node);
    }
    return builder.build();
  }
}
