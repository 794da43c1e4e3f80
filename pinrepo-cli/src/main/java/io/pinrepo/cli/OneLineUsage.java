package io.pinrepo.cli;

import picocli.CommandLine;

/**
 * Prints a usage error of a command that asks for it ({@link Terse}) as one line, {@code pinrepo:
 * MESSAGE (see pinrepo COMMAND --help)}, and exits 2; other commands keep picocli's message and
 * usage text.
 */
final class OneLineUsage implements CommandLine.IParameterExceptionHandler {

  /** Marks a command whose usage errors are one line. */
  interface Terse {}

  private final CommandLine.IParameterExceptionHandler standard;

  OneLineUsage(CommandLine.IParameterExceptionHandler standard) {
    this.standard = standard;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args)
      throws Exception {
    CommandLine command = e.getCommandLine();
    if (!(command.getCommand() instanceof Terse)) {
      return standard.handleParseException(e, args);
    }
    String message = String.valueOf(e.getMessage());
    command
        .getErr()
        .println(
            "pinrepo: "
                + message.lines().findFirst().orElse(message)
                + " (see pinrepo "
                + command.getCommandName()
                + " --help)");
    command.getErr().flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}
