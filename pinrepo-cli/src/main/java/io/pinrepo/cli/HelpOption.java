package io.pinrepo.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} on its own, for a command whose own {@code --version} option leaves no room
 * for picocli's standard {@code -V, --version} (and with it, picocli drops {@code --help} too).
 */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
