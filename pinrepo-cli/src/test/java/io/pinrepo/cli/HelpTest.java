package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command, however deep, answers {@code -h} and {@code --help}, and its summary (the first
 * description line, which the parent's command list shows) is a whole sentence.
 */
class HelpTest {

  /** Each command's words after {@code pinrepo}, the root included as an empty list. */
  static List<List<String>> everyCommand() {
    List<List<String>> paths = new ArrayList<>();
    walk(new CommandLine(new Pinrepo()), List.of(), paths);
    return paths;
  }

  private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(path);
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandSpec().name().equals(name)) { // aliases once
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                walk(sub, deeper, paths);
              }
            });
  }

  @Test
  void thereAreCommandsToWalk() {
    List<List<String>> commands = everyCommand();
    assertTrue(commands.contains(List.of("deb", "remove")), commands.toString());
    assertTrue(commands.size() > 15, commands.toString());
  }

  @Test
  void everyCommandAnswersHelpWithItsUsage() {
    for (List<String> path : everyCommand()) {
      for (String flag : List.of("-h", "--help")) {
        List<String> args = new ArrayList<>(path);
        args.add(flag);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        String usage = String.join(" ", path);
        if (path.equals(List.of("help"))) {
          continue; // 'help -h' is picocli's own help command asking about a command named -h
        }
        assertEquals(0, run.status(), "pinrepo " + String.join(" ", args) + ": " + run.err());
        assertTrue(
            run.out().startsWith("Usage: pinrepo" + (usage.isEmpty() ? "" : " " + usage)),
            "pinrepo " + String.join(" ", args) + ":\n" + run.out());
        assertEquals("", run.err());
      }
    }
  }

  @Test
  void everySummaryIsAWholeSentence() {
    CommandLine root = new CommandLine(new Pinrepo());
    for (List<String> path : everyCommand()) {
      CommandLine command = root;
      for (String name : path) {
        command = command.getSubcommands().get(name);
      }
      // The parent's list shows the header's first line, or else the description's.
      String[] header = command.getCommandSpec().usageMessage().header();
      String[] description =
          header.length > 0 ? header : command.getCommandSpec().usageMessage().description();
      String where = "pinrepo " + String.join(" ", path);
      assertTrue(description.length > 0, where + " has no description");
      String summary = description[0];
      assertTrue(Character.isUpperCase(summary.charAt(0)), where + ": summary starts mid-sentence");
      assertTrue(summary.endsWith("."), where + ": summary is cut: '" + summary + "'");
      assertFalse(summary.contains(". "), where + ": summary holds two sentences: " + summary);
      if (description.length > 1) {
        assertEquals("", description[1], where + ": the summary must be a paragraph of its own");
      }
    }
  }
}
