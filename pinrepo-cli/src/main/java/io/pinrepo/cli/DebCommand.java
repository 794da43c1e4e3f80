package io.pinrepo.cli;

import picocli.CommandLine.Command;

/** {@code pinrepo deb}: placeholder until the deb format lands. */
@Command(
    name = "deb",
    description = "Deb repositories (not available yet).",
    mixinStandardHelpOptions = true)
final class DebCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("pinrepo deb is not available yet");
  }
}
