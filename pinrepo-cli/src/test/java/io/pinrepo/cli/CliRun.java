package io.pinrepo.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line: its exit status and what it printed. */
record CliRun(int status, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Pinrepo.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(status, out.toString(), err.toString());
  }

  /** Whether stderr holds a Java stack trace. */
  boolean hasStackTrace() {
    return err.contains("\tat ") || err.contains("Exception in thread");
  }
}
