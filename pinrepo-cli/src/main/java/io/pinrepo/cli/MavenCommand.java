package io.pinrepo.cli;

import picocli.CommandLine.Command;

/** {@code pinrepo maven}: placeholder until the maven format lands. */
@Command(
    name = "maven",
    description = "Maven repositories (not available yet).",
    mixinStandardHelpOptions = true)
final class MavenCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("pinrepo maven is not available yet");
  }
}
