package io.pinrepo.debian;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Publishes each {@code .deb} of a directory into a fresh repository and prints one tab-separated
 * line per file: its name, the exception's class (or {@code accepted}), whether the repository is
 * byte for byte as before, the milliseconds taken, and the message. Run in a JVM of its own with a
 * small heap by {@link HostileDebsTest}.
 */
final class HostileRun {
  private HostileRun() {}

  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of(args[0]))) {
      files = list.filter(f -> f.toString().endsWith(".deb")).sorted().toList();
    }
    for (Path file : files) {
      System.out.println(run(file));
    }
  }

  private static String run(Path file) throws IOException {
    InMemoryStorage storage = new InMemoryStorage(Repos.CLOCK, 1000);
    AptRepository repo = AptRepository.builder(storage).clock(Repos.CLOCK).build();
    repo.publishSources("stable", "main", List.of(Repos.deb("base", "1", "amd64")));
    Map<String, byte[]> before = storage.snapshot();
    String outcome;
    String message;
    long start = System.nanoTime();
    try {
      repo.publishSources("stable", "main", List.of(ContentSource.ofPath(file)));
      outcome = "accepted";
      message = "";
    } catch (IOException e) {
      outcome = e.getClass().getName();
      message = e.getMessage();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    Map<String, byte[]> after = storage.snapshot();
    boolean identical =
        before.keySet().equals(after.keySet())
            && before.entrySet().stream()
                .allMatch(e -> Arrays.equals(e.getValue(), after.get(e.getKey())));
    String name = file.getFileName().toString();
    return String.join(
        "\t",
        name.substring(0, name.length() - ".deb".length()),
        outcome,
        identical ? "identical" : "changed",
        Long.toString(millis),
        message.replace("\n", "\\n").replace("\t", "\\t"));
  }
}
