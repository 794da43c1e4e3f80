package io.pinrepo.cli;

import picocli.CommandLine.Command;

/** {@code pinrepo pypi}: placeholder until the pypi format lands. */
@Command(
    name = "pypi",
    description = "Pypi repositories (not available yet).",
    mixinStandardHelpOptions = true)
final class PypiCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("pinrepo pypi is not available yet");
  }
}
