package io.pinrepo.cli;

import io.pinrepo.RefusedBatchException;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Turns a failure into lines on stderr and exit status 1: one line, or one per bad file of a
 * refused batch; {@code --debug} adds the trace. A line never shows a Java class name: a failure
 * without a message is described by what was running and what kind of failure it is.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    Throwable failure = e instanceof UncheckedIOException u ? u.getCause() : e;
    PrintWriter err = commandLine.getErr();
    for (String line : lines(failure, commandLine)) {
      err.println("pinrepo: " + line);
    }
    if (isDebug(commandLine)) {
      failure.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  private static List<String> lines(Throwable failure, CommandLine commandLine) {
    List<? extends Throwable> each =
        failure instanceof RefusedBatchException batch ? batch.causes() : List.of(failure);
    String qualified = commandLine.getCommandSpec().qualifiedName(" ");
    String command = qualified.substring(qualified.indexOf(' ') + 1);
    return each.stream().map(f -> message(f, command)).toList();
  }

  /** The one line that describes {@code failure}, which happened while {@code command} ran. */
  static String message(Throwable failure, String command) {
    if (failure instanceof NoSuchFileException n) {
      return n.getFile() + ": no such file";
    }
    if (failure instanceof AccessDeniedException a) {
      return a.getFile() + ": permission denied";
    }
    if (failure instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile()
          + ": "
          + lowerFirst(f.getReason() == null ? "cannot be read" : f.getReason());
    }
    String message = failure.getMessage();
    boolean described = message != null && !message.isBlank();
    if (failure instanceof IOException || failure instanceof IllegalArgumentException) {
      if (described) {
        return firstLine(message);
      }
      return command
          + " failed: "
          + (failure instanceof EOFException
              ? "a file or a response ended too early"
              : "an input or output operation failed without saying why")
          + " (--debug shows where)";
    }
    return "internal error in "
        + command
        + (described ? ": " + firstLine(message) : "")
        + " (a bug in pinrepo; --debug shows the trace to report)";
  }

  private static String firstLine(String message) {
    return message.lines().findFirst().orElse(message);
  }

  private static String lowerFirst(String reason) {
    return reason.isEmpty()
        ? reason
        : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
  }

  private static boolean isDebug(CommandLine commandLine) {
    CommandLine root = commandLine;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root.getCommand() instanceof Pinrepo p && p.debug;
  }
}
