package io.pinrepo.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
    description = "Publish .deb, Maven, Python and RPM packages into repositories on disk or S3.")
public final class Pinrepo implements Runnable {

  /**
   * The commands, in the order help lists them. Only the one a command line names is built: picocli
   * reflects over a command's whole tree of options and the classes they name, which for all of
   * them cost a fresh JVM more than a small publish itself.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

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
    String named = commandNamed(args);
    COMMANDS.forEach(
        (name, command) -> {
          if (named == null || named.equals(name)) {
            cli.addSubcommand(name, command.get());
          }
        });
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(new OneLineUsage(cli.getParameterExceptionHandler()));
    return cli.execute(args);
  }

  /**
   * The command the first argument that is not an option names, or null when it names none (no
   * command, {@code help}, a mistyped one): then every command is built, for the help and
   * suggestions picocli prints.
   */
  private static String commandNamed(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return COMMANDS.containsKey(arg) && !arg.equals("help") ? arg : null;
      }
    }
    return null;
  }

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("deb", DebCommand::new);
    commands.put("maven", MavenCommand::new);
    commands.put("pypi", PypiCommand::new);
    commands.put("rpm", RpmCommand::new);
    commands.put("build", BuildCommand::new);
    commands.put("pointer", PointerCommand::new);
    commands.put("verify", VerifyCommand::new);
    commands.put("gc", GcCommand::new);
    commands.put("replicate", ReplicateCommand::new);
    commands.put("serve", ServeCommand::new);
    commands.put("mirror", MirrorCommand::new);
    commands.put("stats", StatsCommand::new);
    commands.put("demo", DemoCommand::new);
    commands.put("help", CommandLine.HelpCommand::new);
    return commands;
  }
}
