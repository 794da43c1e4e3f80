package io.pinrepo.cli;

import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the files a command was given before anything reads them: each must be a readable,
 * non-empty regular file. A directory, a pipe (which would block the reader for ever), a dangling
 * link, an empty file or a name the filesystem refuses is reported as {@code FILE: problem}, one
 * line per bad file, and nothing is read or written.
 */
final class InputFiles {

  /** A file given on the command line that cannot be read as a package or key. */
  static final class UnusableFileException extends PinrepoException {
    private static final long serialVersionUID = 1L;

    UnusableFileException(Path file, String problem) {
      super(file + ": " + problem);
    }
  }

  private InputFiles() {}

  /**
   * @throws PinrepoException for the one bad file, or a {@link RefusedBatchException} holding one
   *     per bad file
   */
  static void requireReadable(List<Path> files) throws PinrepoException {
    List<PinrepoException> bad = new ArrayList<>();
    for (Path file : files) {
      problem(file).ifPresent(p -> bad.add(new UnusableFileException(file, p)));
    }
    if (!bad.isEmpty()) {
      throw RefusedBatchException.refusal(bad);
    }
  }

  private static Optional<String> problem(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.of(
          Files.isSymbolicLink(file)
              ? "a symbolic link to nothing (no such file)"
              : "no such file");
    } catch (AccessDeniedException e) {
      return Optional.of("permission denied");
    } catch (FileSystemException e) {
      return Optional.of(e.getReason() == null ? "cannot be read" : lowerFirst(e.getReason()));
    } catch (java.io.IOException e) {
      return Optional.of("cannot be read");
    }
    if (attributes.isDirectory()) {
      return Optional.of("a directory, not a file");
    }
    if (!attributes.isRegularFile()) {
      return Optional.of("not a regular file (a pipe, socket or device cannot be published)");
    }
    if (attributes.size() == 0) {
      return Optional.of("an empty file (it ends before its first byte)");
    }
    if (!Files.isReadable(file)) {
      return Optional.of("permission denied");
    }
    return Optional.empty();
  }

  private static String lowerFirst(String reason) {
    return reason.isEmpty()
        ? reason
        : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
  }
}
