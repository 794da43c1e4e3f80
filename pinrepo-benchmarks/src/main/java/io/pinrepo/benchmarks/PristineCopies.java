package io.pinrepo.benchmarks;

import io.pinrepo.fs.FileSystemStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A working directory holding a pristine repository, made once per trial, and a fresh copy of it
 * for each iteration, whose storage operations are tallied: every publish measured starts from the
 * same repository.
 */
final class PristineCopies {
  private final Path root;
  private final Tally tally = new Tally();
  private CountingStorage storage;

  /** A new working directory named from {@code prefix}. */
  PristineCopies(String prefix) throws IOException {
    root = Files.createTempDirectory(prefix);
  }

  /** The working directory, for keys, scratch space and the files to publish. */
  Path root() {
    return root;
  }

  /** Where the trial makes its repository. */
  Path pristine() {
    return root.resolve("pristine");
  }

  /** A fresh copy of the pristine repository; the previous copy's operations join the tally. */
  CountingStorage freshCopy() throws IOException {
    if (storage != null) {
      tally.add(storage);
      storage.close();
    }
    Path repo = root.resolve("repo");
    Trees.delete(repo);
    Trees.copy(pristine(), repo);
    storage = new CountingStorage(FileSystemStorage.open(repo));
    return storage;
  }

  /** Prints the tally of operations per call under {@code name} and removes every file. */
  void finish(String name) throws IOException {
    tally.add(storage);
    tally.print(name);
    storage.close();
    Trees.delete(root);
  }
}
