package io.pinrepo.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code pinrepo} command: publishes packages into repositories on a filesystem or S3. Exit
 * status 0 on success, 1 on failure (one line on stderr, a stack trace only with {@code --debug}),
 * 2 on a usage error.
 */
@Command(
    name = "pinrepo",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Publish .deb, Maven, Python and RPM packages into repositories on a filesystem or S3.",
    subcommands = {
      DebCommand.class,
      MavenCommand.class,
      PypiCommand.class,
      RpmCommand.class,
      VerifyCommand.class,
      GcCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Pinrepo implements Runnable {

  @Option(
      names = "--debug",
      description = "Print stack traces of failures.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit status. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Pinrepo());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Failures());
    return cli.execute(args);
  }
}
