package io.pinrepo.stress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** One {@link StressPublisher} in its own JVM, with the lines it printed. */
final class PublisherProcess {
  private static final String EOF = "\0eof";

  private final String id;
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final Thread reader;

  private PublisherProcess(String id, Process process) {
    this.id = id;
    this.process = process;
    this.reader = new Thread(this::drain, "publisher-" + id + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts publisher {@code id} publishing {@code count} of each format into {@code repo}. */
  static PublisherProcess start(Path repo, int id, int count, Path work) throws IOException {
    return start(repo.toString(), List.of(), Integer.toString(id), count, work);
  }

  /**
   * Starts one process doing the publishes of each of the comma-separated {@code ids}, one after
   * the other.
   */
  static PublisherProcess start(Path repo, String ids, int count, Path work) throws IOException {
    return start(repo.toString(), List.of(), ids, count, work);
  }

  /**
   * As {@link #start(Path, String, int, Path)} for a repository {@code StressPublisher} names by a
   * directory or an {@code s3://} location, with extra JVM options (e.g. the S3 endpoint).
   */
  static PublisherProcess start(
      String repo, List<String> jvmOptions, String ids, int count, Path work) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx96m"));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            StressPublisher.class.getName(),
            repo,
            work.resolve("debs-" + ids).toString(),
            ids,
            Integer.toString(count)));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectError(
                work.resolve("publisher-" + ids + "-" + System.nanoTime() + ".err").toFile());
    return new PublisherProcess(ids, builder.start());
  }

  private void drain() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
        queue.add(line);
      }
    } catch (IOException e) {
      // The process was killed while we read: what it printed so far is in lines.
    } finally {
      queue.add(EOF);
    }
  }

  String id() {
    return id;
  }

  /**
   * Waits until the process has printed {@code n} more lines (or ended); false when it ended first.
   */
  boolean awaitLines(int n) throws InterruptedException {
    for (int seen = 0; seen < n; seen++) {
      if (queue.take().equals(EOF)) {
        queue.add(EOF);
        return false;
      }
    }
    return true;
  }

  boolean alive() {
    return process.isAlive();
  }

  void kill() {
    process.destroyForcibly();
  }

  /** Waits for the process and its output to end; returns its exit status. */
  int await() throws InterruptedException {
    int status = process.waitFor();
    reader.join();
    return status;
  }

  /** The publishes it reported as done, as {@code "apt 3.1"}, {@code "pypi 3.1"}, ... */
  List<String> succeeded() {
    return lines.stream().filter(l -> l.startsWith("ok ")).map(l -> l.substring(3)).toList();
  }

  /** The conflicts it reported retrying; 0 when it did not get that far. */
  long conflicts() {
    return lines.stream()
        .filter(l -> l.startsWith("conflicts "))
        .mapToLong(l -> Long.parseLong(l.substring("conflicts ".length())))
        .sum();
  }

  boolean finished() {
    return lines.contains("done");
  }

  @Override
  public String toString() {
    return "publisher " + id + " " + lines;
  }
}
