package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;

/** One in-process run of the command line: its exit status and what it printed. */
record CliRun(int status, String out, String err) {

  /**
   * A Java class as a user should never see it: package-qualified ({@code java.io.EOFException},
   * {@code org.tukaani.xz.CorruptedInputException}) or any {@code ...Exception}/{@code ...Error}.
   */
  static final Pattern JAVA_CLASS =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*|\\b\\w*(?:Exception|Error)\\b");

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

  /** Whether stderr names a Java class. */
  boolean namesAJavaClass() {
    return JAVA_CLASS.matcher(err).find();
  }

  /**
   * Asserts a failure as a user should see it: status 1 and one line on stderr, {@code pinrepo: }
   * first, holding each of {@code parts}, with no stack trace and no Java class name.
   */
  CliRun assertOneLineFailure(String... parts) {
    assertEquals(1, status, err);
    assertFalse(hasStackTrace(), err);
    assertFalse(namesAJavaClass(), err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("pinrepo: "), err);
    for (String part : parts) {
      assertTrue(err.contains(part), "'" + part + "' missing from: " + err);
    }
    return this;
  }
}
