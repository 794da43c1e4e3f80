package io.pinrepo.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
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
   * The commands and their subcommands, in the order help lists them. Only those a command line
   * names are built: picocli reflects over a command's whole tree of options and the classes they
   * name, which for all of them cost a fresh JVM more than a small publish itself. A group's
   * subcommands are listed here rather than in its {@code @Command} for the same reason.
   */
  private static final List<Node> COMMANDS =
      List.of(
          Node.of(
              DebCommand.class,
              DebCommand.Publish.class,
              DebCommand.Remove.class,
              DebCommand.Purge.class,
              DebCommand.ListPackages.class,
              DebPromoteCommand.Promote.class,
              DebPromoteCommand.History.class),
          Node.of(MavenCommand.class, MavenCommand.Deploy.class, MavenCommand.ListArtifacts.class),
          Node.of(
              PypiCommand.class,
              PypiCommand.Publish.class,
              PypiCommand.Yank.class,
              PypiCommand.Unyank.class,
              PypiCommand.DeleteVersion.class,
              PypiCommand.ListCommand.class),
          Node.of(
              RpmCommand.class,
              RpmCommand.Publish.class,
              RpmCommand.Remove.class,
              RpmCommand.ListPackages.class),
          Node.of(
              BuildCommand.class,
              BuildCommand.Publish.class,
              BuildCommand.ListCommand.class,
              BuildCommand.Get.class),
          Node.of(
              PointerCommand.class,
              PointerCommand.Set.class,
              PointerCommand.Get.class,
              PointerCommand.History.class,
              PointerCommand.Watch.class),
          Node.of(VerifyCommand.class),
          Node.of(GcCommand.class),
          Node.of(ReplicateCommand.class),
          Node.of(ServeCommand.class),
          Node.of(MirrorCommand.class, MirrorServeCommand.class, MirrorExpireCommand.class),
          Node.of(StatsCommand.class),
          Node.of(DemoCommand.class),
          Node.of(CommandLine.HelpCommand.class));

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
    addNamed(cli, COMMANDS, Arrays.stream(args).filter(a -> !a.startsWith("-")).toList());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(new OneLineUsage(cli.getParameterExceptionHandler()));
    return cli.execute(args);
  }

  /**
   * Adds to {@code parent} the command of {@code nodes} that the first of {@code words} (the
   * arguments that are not options) names, with its subcommands named by the words after it; or
   * every command when the word names none (no command, {@code help}, a mistyped one), for the help
   * and suggestions picocli prints.
   */
  private static void addNamed(CommandLine parent, List<Node> nodes, List<String> words) {
    String word = words.isEmpty() ? "help" : words.get(0);
    boolean named = !word.equals("help") && nodes.stream().anyMatch(n -> n.name().equals(word));
    for (Node node : nodes) {
      if (!named || node.name().equals(word)) {
        CommandLine command = new CommandLine(node.command());
        addNamed(command, node.subcommands(), named ? words.subList(1, words.size()) : List.of());
        parent.addSubcommand(node.name(), command);
      }
    }
  }

  /** A command class and its subcommands. */
  private record Node(Class<?> command, List<Node> subcommands) {

    static Node of(Class<?> command, Class<?>... subcommands) {
      return new Node(command, Arrays.stream(subcommands).map(Node::of).toList());
    }

    String name() {
      return command.getAnnotation(Command.class).name();
    }
  }
}
