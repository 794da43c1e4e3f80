package io.pinrepo.cli;

import io.pinrepo.format.ChangeReport;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * How the {@code deb} and {@code rpm} commands print a change: a line for each entry added (with
 * its file), unchanged or removed; a removal that matched nothing also says so on standard error.
 */
final class ChangeLines {

  /** The line on standard error of a remove or purge that took nothing. */
  static final String NOTHING_MATCHED = "pinrepo: nothing matched; nothing changed";

  private ChangeLines() {}

  /** Prints {@code report} to {@code out} and flushes it. */
  static void print(PrintWriter out, ChangeReport<?> report) {
    report.added().forEach(r -> out.println("added " + r + " " + r.file().value()));
    report.unchanged().forEach(r -> out.println("unchanged " + r));
    report.removed().forEach(r -> out.println("removed " + r));
    out.flush();
  }

  /** Prints a removal's {@code report}, and {@link #NOTHING_MATCHED} when it removed nothing. */
  static void printRemoval(CommandLine cli, ChangeReport<?> report) {
    print(cli.getOut(), report);
    if (report.removed().isEmpty()) {
      cli.getErr().println(NOTHING_MATCHED);
    }
  }
}
