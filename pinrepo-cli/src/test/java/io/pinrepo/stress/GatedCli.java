package io.pinrepo.stress;

import io.pinrepo.cli.Pinrepo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The command line behind a start gate, for racing processes: {@code GatedCli ARGS...} prints
 * {@code ready}, waits for a line on stdin, then runs {@code pinrepo ARGS...} and exits with its
 * status. A test starts several, waits until all are ready, then opens the gate for all at once, so
 * JVM start-up does not serialise the race.
 */
public final class GatedCli {
  private GatedCli() {}

  /** See the class comment. */
  public static void main(String[] args) throws IOException {
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    int status =
        Pinrepo.execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    System.exit(status);
  }
}
