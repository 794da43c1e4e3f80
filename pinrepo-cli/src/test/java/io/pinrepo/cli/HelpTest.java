package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command, however deep, answers {@code -h} and {@code --help}, and its summary (the first
 * description line, which the parent's command list shows) is a whole sentence standing as a
 * paragraph of its own. The commands are found as a user finds them: in each help's list.
 */
class HelpTest {

  private static final Pattern LISTED = Pattern.compile("^  (\\S+)\\s+(\\S.*)$");

  /** The help of {@code pinrepo PATH... --help}. */
  static CliRun help(List<String> path, String flag) {
    List<String> args = new ArrayList<>(path);
    args.add(flag);
    return CliRun.of(args.toArray(String[]::new));
  }

  /** The commands a help lists, each with its summary as shown (wrapped lines joined). */
  static Map<String, String> listed(String help) {
    Map<String, String> commands = new LinkedHashMap<>();
    List<String> lines = help.lines().toList();
    int at = lines.indexOf("Commands:");
    String last = null;
    for (int i = at + 1; at >= 0 && i < lines.size(); i++) {
      Matcher m = LISTED.matcher(lines.get(i));
      if (m.matches()) {
        last = m.group(1);
        commands.put(last, m.group(2).strip());
      } else if (last != null && lines.get(i).startsWith("    ")) {
        commands.put(last, commands.get(last) + " " + lines.get(i).strip());
      } else {
        break;
      }
    }
    return commands;
  }

  /** Every command's words after {@code pinrepo} (the root as an empty list), with its summary. */
  static Map<List<String>, String> everyCommand() {
    Map<List<String>, String> found = new LinkedHashMap<>();
    walk(List.of(), "", found);
    return found;
  }

  private static void walk(List<String> path, String summary, Map<List<String>, String> found) {
    found.put(path, summary);
    if (path.equals(List.of("help"))) {
      return; // picocli's help command: 'help --help' asks for help on a command named --help
    }
    listed(help(path, "--help").out())
        .forEach(
            (name, shown) -> {
              List<String> deeper = new ArrayList<>(path);
              deeper.add(name);
              walk(deeper, shown, found);
            });
  }

  @Test
  void theWalkFindsEveryLevel() {
    Map<List<String>, String> commands = everyCommand();
    for (List<String> expected :
        List.of(
            List.of("deb", "remove"),
            List.of("maven", "deploy"),
            List.of("pypi", "yank"),
            List.of("verify"),
            List.of("demo"))) {
      assertTrue(commands.containsKey(expected), expected + " not in " + commands.keySet());
    }
  }

  @Test
  void everyCommandAnswersHelpWithItsUsage() {
    for (List<String> path : everyCommand().keySet()) {
      if (path.equals(List.of("help"))) {
        continue;
      }
      for (String flag : List.of("-h", "--help")) {
        CliRun run = help(path, flag);
        String where = "pinrepo " + String.join(" ", path) + " " + flag;
        assertEquals(0, run.status(), where + ": " + run.err());
        String usage = "Usage: pinrepo" + (path.isEmpty() ? "" : " " + String.join(" ", path));
        assertTrue(run.out().startsWith(usage), where + ":\n" + run.out());
        assertEquals("", run.err(), where);
      }
    }
  }

  @Test
  void everySummaryIsAWholeSentence() {
    everyCommand()
        .forEach(
            (path, summary) -> {
              if (path.isEmpty()) {
                return;
              }
              String where = "pinrepo " + String.join(" ", path) + ": '" + summary + "'";
              assertTrue(Character.isUpperCase(summary.charAt(0)), where + " starts mid-sentence");
              assertTrue(summary.endsWith("."), where + " is cut");
              assertFalse(summary.contains(". "), where + " holds two sentences");
            });
  }

  @Test
  void everySummaryIsAParagraphOfItsOwn() {
    for (List<String> path : everyCommand().keySet()) {
      if (path.equals(List.of("help"))) {
        continue;
      }
      List<String> lines = help(path, "--help").out().lines().toList();
      int first = 1;
      while (first < lines.size() && lines.get(first).startsWith(" ")) {
        first++; // the synopsis goes on, indented
      }
      String where = "pinrepo " + String.join(" ", path);
      assertTrue(first + 1 < lines.size(), where + " has no description");
      String next = lines.get(first + 1);
      assertTrue(
          next.isEmpty() || next.startsWith(" ") || next.equals("Commands:"),
          where + ": the summary runs on into '" + next + "' (one line, within 80 columns)");
    }
  }
}
