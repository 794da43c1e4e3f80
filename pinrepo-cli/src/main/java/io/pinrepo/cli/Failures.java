package io.pinrepo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** Turns a failure into one line on stderr and exit status 1; {@code --debug} adds the trace. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    Throwable failure = e instanceof UncheckedIOException u ? u.getCause() : e;
    commandLine.getErr().println("pinrepo: " + message(failure));
    if (isDebug(commandLine)) {
      failure.printStackTrace(commandLine.getErr());
    }
    commandLine.getErr().flush();
    return 1;
  }

  static String message(Throwable failure) {
    if (failure instanceof NoSuchFileException n) {
      return n.getFile() + ": no such file";
    }
    if (failure instanceof AccessDeniedException a) {
      return a.getFile() + ": permission denied";
    }
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      message = failure.getClass().getSimpleName();
    }
    if (!(failure instanceof IOException) && !(failure instanceof IllegalArgumentException)) {
      message = failure.getClass().getSimpleName() + ": " + message;
    }
    return message.lines().findFirst().orElse(message);
  }

  private static boolean isDebug(CommandLine commandLine) {
    CommandLine root = commandLine;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root.getCommand() instanceof Pinrepo p && p.debug;
  }
}
