package io.pinrepo.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What a command that only groups subcommands ({@code pinrepo deb}, {@code pinrepo build}) says.
 */
final class Subcommands {

  private Subcommands() {}

  /**
   * The usage error of a group run without a subcommand, naming them from the command's own model
   * so that the message cannot fall behind the list.
   */
  static ParameterException required(CommandSpec spec) {
    List<String> names = List.copyOf(spec.subcommands().keySet());
    String list =
        names.size() == 1
            ? names.get(0)
            : String.join(", ", names.subList(0, names.size() - 1))
                + " or "
                + names.get(names.size() - 1);
    return new ParameterException(spec.commandLine(), "a subcommand is required: " + list);
  }
}
