package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/** The one line a failure becomes: never a Java class name, always what failed. */
class FailuresTest {

  @Test
  void aFailureWithoutAMessageSaysWhatWasRunning() {
    String eof = Failures.message(new EOFException(), "pypi publish");
    assertEquals(
        "pypi publish failed: a file or a response ended too early (--debug shows where)", eof);
    String bare = Failures.message(new ZipException(), "pypi publish");
    assertEquals(
        "pypi publish failed: an input or output operation failed without saying why"
            + " (--debug shows where)",
        bare);
  }

  @Test
  void aBugIsCalledOneWithoutItsClassName() {
    String line = Failures.message(new IllegalStateException("state went wrong"), "gc");
    assertEquals(
        "internal error in gc: state went wrong (a bug in pinrepo; --debug shows the trace to"
            + " report)",
        line);
    String npe = Failures.message(new NullPointerException(), "gc");
    assertFalse(CliRun.JAVA_CLASS.matcher(npe).find(), npe);
  }

  @Test
  void aFileTheSystemRefusesIsNamedWithTheReason() {
    String line =
        Failures.message(new FileSystemException("/tmp/x.deb", null, "File name too long"), "x");
    assertEquals("/tmp/x.deb: file name too long", line);
  }

  @Test
  void aMessageKeepsItsFirstLine() {
    assertEquals("first", Failures.message(new IOException("first\nsecond"), "x"));
  }
}
