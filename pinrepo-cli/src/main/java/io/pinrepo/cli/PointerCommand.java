package io.pinrepo.cli;

import io.pinrepo.build.BuildRepository;
import io.pinrepo.build.NoSuchPointerException;
import io.pinrepo.build.PointerWatcher;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.pointer.PointerChange;
import io.pinrepo.build.pointer.PointerSetResult;
import io.pinrepo.build.pointer.PointerState;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pinrepo pointer}: named versions of a build line, changed by compare-and-swap. */
@Command(
    name = "pointer",
    description = "Named version pointers of a build line, such as web prod naming 1.4.2.",
    mixinStandardHelpOptions = true)
final class PointerCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Subcommands.required(spec);
  }

  /** {@code pinrepo pointer set ... --version V [--expect OLD] [--note TEXT]}. */
  @Command(
      name = "set",
      description = {
        "Point P at build V (which must be complete); recorded in the history.",
        "",
        "With --expect OLD the change happens only if P points at OLD; otherwise exit 1",
        "and nothing changes. Roll back by setting an earlier version."
      })
  static final class Set implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin BuildArgs.Line line;
    @Mixin BuildArgs.Pointer pointer;

    @Option(
        names = "--version",
        required = true,
        paramLabel = "V",
        converter = BuildArgs.VersionConverter.class,
        description = "The version to point at.")
    BuildVersion version;

    @Option(
        names = "--expect",
        paramLabel = "OLD",
        converter = BuildArgs.VersionConverter.class,
        description = "Change only if the pointer names OLD now.")
    BuildVersion expect;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the history.")
    String note = "";

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PointerUpdate update = PointerUpdate.to(version).withNote(note);
      if (expect != null) {
        update = update.expecting(expect);
      }
      PointerSetResult r;
      try (Storage storage = repo.openStorage()) {
        r = BuildRepository.on(storage).pointers().set(line.name, pointer.pointer, update);
      }
      PointerChange c = r.state().lastChange();
      spec.commandLine()
          .getOut()
          .println(
              line.name
                  + " "
                  + pointer.pointer
                  + (r.changed()
                      ? ": " + c.from().map(BuildVersion::value).orElse("(unset)") + " -> " + c.to()
                      : ": already at " + c.to()));
      return 0;
    }
  }

  /** {@code pinrepo pointer get ... [--json]}. */
  @Command(name = "get", description = "Print the version P names (exit 1 if it was never set).")
  static final class Get implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin BuildArgs.Line line;
    @Mixin BuildArgs.Pointer pointer;

    @Option(names = "--json", description = "Print JSON, with the version token and last change.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PointerState state;
      try (Storage storage = repo.openStorage()) {
        state =
            BuildRepository.on(storage)
                .pointers()
                .read(line.name, pointer.pointer)
                .orElseThrow(() -> new NoSuchPointerException(line.name, pointer.pointer));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", state.name().value());
        doc.put("pointer", state.pointer().value());
        doc.put("version", state.version().value());
        doc.put("token", state.versionToken());
        doc.putAll(change(state.lastChange()));
        out.println(Json.write(doc));
      } else {
        out.println(state.version());
      }
      out.flush();
      return 0;
    }
  }

  /** {@code pinrepo pointer history ... [--limit N] [--json]}. */
  @Command(name = "history", description = "Print P's changes, newest first.")
  static final class History implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin BuildArgs.Line line;
    @Mixin BuildArgs.Pointer pointer;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "50",
        description = "At most N changes (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      List<PointerChange> changes;
      try (Storage storage = repo.openStorage()) {
        changes =
            BuildRepository.on(storage)
                .pointers()
                .history(line.name, pointer.pointer, BuildArgs.positive(spec, "--limit", limit));
      }
      if (changes.isEmpty()) {
        throw new NoSuchPointerException(line.name, pointer.pointer);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Map<String, Object>> doc = new ArrayList<>();
        changes.forEach(c -> doc.add(change(c)));
        out.println(Json.write(doc));
      } else {
        for (PointerChange c : changes) {
          out.println(
              c.seq()
                  + "\t"
                  + c.time()
                  + "\t"
                  + c.from().map(BuildVersion::value).orElse("-")
                  + " -> "
                  + c.to()
                  + (c.note().isEmpty() ? "" : "\t" + c.note()));
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code pinrepo pointer watch ... [--interval D] [--changes N]}. */
  @Command(
      name = "watch",
      description = {
        "Print the version P names, then one line per change, until stopped.",
        "",
        "Polls with one cheap request (a stat; HEAD on S3) every interval, jittered by 20%:",
        "3600 / interval requests per hour, plus one read per change."
      })
  static final class Watch implements Callable<Integer> {
    @Mixin RepoOptions repo;
    @Mixin BuildArgs.Line line;
    @Mixin BuildArgs.Pointer pointer;

    @Option(
        names = "--interval",
        paramLabel = "DURATION",
        defaultValue = "30s",
        converter = DurationConverter.class,
        description = "Mean time between polls (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(
        names = "--changes",
        paramLabel = "N",
        description = "Exit after N changes (default: watch until stopped).")
    Integer changes;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
      if (interval.isZero() || interval.isNegative()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--interval must be positive, not " + interval);
      }
      if (changes != null) {
        BuildArgs.positive(spec, "--changes", changes);
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (Storage storage = repo.openStorage()) {
        PointerWatcher watcher =
            BuildRepository.on(storage)
                .pointers()
                .watcher(line.name, pointer.pointer)
                .interval(interval)
                .onFailure(e -> err.println("pinrepo: " + Failures.message(e, "pointer watch")))
                .build();
        if (watcher.poll().isEmpty()) {
          throw new NoSuchPointerException(line.name, pointer.pointer);
        }
        out.println(watcher.current().orElseThrow().version());
        out.flush();
        for (int seen = 0; changes == null || seen < changes; seen++) {
          out.println(watcher.awaitChange().version());
          out.flush();
        }
      }
      return 0;
    }
  }

  private static Map<String, Object> change(PointerChange c) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("seq", c.seq());
    doc.put("from", c.from().map(BuildVersion::value).orElse(null));
    doc.put("to", c.to().value());
    doc.put("manifestSha256", c.manifestSha256());
    doc.put("time", c.time().toString());
    doc.put("note", c.note());
    return doc;
  }
}
