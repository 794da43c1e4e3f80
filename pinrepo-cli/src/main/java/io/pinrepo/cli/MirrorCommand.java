package io.pinrepo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pinrepo mirror}: a regional mirror of a repository ({@code serve}, {@code expire}). */
@Command(
    name = "mirror",
    mixinStandardHelpOptions = true,
    description = {
      "Mirror a repository's package files into regions.",
      "",
      "Copy a repository's package files into region storages on first request,",
      "verified against the repository's index, and redirect clients to the copies."
    })
final class MirrorCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw Subcommands.required(spec);
  }
}
