package io.pinrepo.fs;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One of the two processes of {@link TwoProcessConditionalWriteTest}. Each round it reads the
 * shared counter, meets the other process at a barrier (so both hold the same token), then tries to
 * create {@code rounds/N} with must-be-absent and to increment the counter with matches(token). It
 * prints one line per round: {@code N <won key> <won counter>}.
 *
 * <p>Arguments: repository directory, own id, other process's id, number of rounds.
 */
final class ConditionalWriter {
  private ConditionalWriter() {}

  static final ObjectKey COUNTER = ObjectKey.of("counter");

  public static void main(String[] args) throws IOException {
    FileSystemStorage storage = FileSystemStorage.open(Path.of(args[0]));
    String self = args[1];
    String other = args[2];
    int rounds = Integer.parseInt(args[3]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (int round = 0; round < rounds; round++) {
      long value;
      String token;
      try (ObjectStream in = storage.read(COUNTER)) {
        value = Long.parseLong(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        token = in.info().versionToken();
      }
      meet(storage, round, self, other);
      boolean wonKey =
          attempt(storage, ObjectKey.of("rounds/" + round), self, WriteCondition.mustBeAbsent());
      boolean wonCounter =
          attempt(storage, COUNTER, Long.toString(value + 1), WriteCondition.matches(token));
      out.println(round + " " + wonKey + " " + wonCounter);
    }
  }

  private static boolean attempt(
      FileSystemStorage storage, ObjectKey key, String content, WriteCondition condition)
      throws IOException {
    try {
      storage.write(key, ContentSource.ofUtf8(content), condition);
      return true;
    } catch (PreconditionFailedException lost) {
      return false;
    }
  }

  /** Announces this process at round {@code round} and waits until the other one is there. */
  private static void meet(FileSystemStorage storage, int round, String self, String other)
      throws IOException {
    storage.write(
        ObjectKey.of("barrier/" + round + "/" + self),
        ContentSource.ofUtf8(self),
        WriteCondition.none());
    ObjectKey theirs = ObjectKey.of("barrier/" + round + "/" + other);
    while (storage.stat(theirs).isEmpty()) {
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
