package io.pinrepo.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A serving {@code pinrepo} command ({@code serve}, {@code mirror serve}) in a JVM of its own, on
 * this module's class path: started, read until it prints where it serves, and stopped with SIGTERM
 * as a service manager would.
 */
final class CliProcess implements AutoCloseable {

  private static final Pattern AT = Pattern.compile(".* at (http://\\S+/)( .*)?");

  private final Process process;
  private final Path stderr;
  private final URI baseUri;

  private CliProcess(Process process, Path stderr, URI baseUri) {
    this.process = process;
    this.stderr = stderr;
    this.baseUri = baseUri;
  }

  /**
   * Runs {@code pinrepo args} with {@code env} added, until it prints {@code serving ... at URL}.
   */
  static CliProcess start(Path dir, Map<String, String> env, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(Pinrepo.class.getName());
    command.addAll(args);
    Files.createDirectories(dir);
    Path stderr = Files.createTempFile(dir, "pinrepo", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher m = AT.matcher(line);
      if (line.startsWith("serving ") && m.matches()) {
        return new CliProcess(process, stderr, URI.create(m.group(1)));
      }
    }
    process.waitFor(1, TimeUnit.MINUTES);
    throw new IOException("pinrepo " + args + " ended before serving: " + Files.readString(stderr));
  }

  /** Where it serves. */
  URI baseUri() {
    return baseUri;
  }

  /** What it printed on stderr so far. */
  String stderr() throws IOException {
    return Files.readString(stderr);
  }

  /** Sends SIGTERM and waits for the exit; returns the exit status. */
  int terminate() throws InterruptedException {
    process.destroy(); // SIGTERM on POSIX
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("pinrepo did not stop on SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      terminate();
    }
  }
}
