package io.pinrepo.replication;

import io.pinrepo.CommitConflictException;
import io.pinrepo.format.LiveObject;
import io.pinrepo.format.LiveObject.Role;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.ScopedFormat;
import io.pinrepo.parallel.Parallel;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One replication, in rounds; see {@link Replicator} for the protocol and why it is consistent. */
final class ReplicationRun {
  private final Replicator.Settings settings;
  private final Storage source;
  private final Storage target;
  private final Tally tally;

  ReplicationRun(
      Replicator.Settings settings, Storage source, Storage target, Consumer<Transfer> progress) {
    this.settings = settings;
    this.source = source;
    this.target = target;
    this.tally = new Tally(progress);
  }

  ReplicationReport run() throws IOException {
    List<RepositoryFormat> formats = formatsToCopy();
    TargetObjects objects = TargetObjects.list(target);
    ReplicaRecord record = ReplicaRecord.read(target);
    String label = ReplicaRecord.label(settings.scope());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            settings.parallelism(), Parallel.daemonThreads("pinrepo-replication"));
    try {
      Copier copier = new Copier(source, target, objects, pool, tally, settings.dryRun());
      TopWriter tops = new TopWriter(source, target, objects, tally, settings);
      Set<ObjectKey> known = new TreeSet<>(record.tops(label));
      for (int round = 1; ; round++) {
        Map<ObjectKey, Optional<String>> statted = stat(known);
        SourceMark mark = SourceMark.take(source, formats, settings.scope());
        Set<ObjectKey> missing = copier.blobs(mark.withRole(Role.BLOB));
        copier.derived(mark.withRole(Role.DERIVED));
        Set<ObjectKey> moved =
            missing.isEmpty() ? tops.write(mark, statted) : movedOrBroken(mark, statted, missing);
        known = topKeys(mark);
        if (moved.isEmpty() || settings.dryRun()) {
          return finish(formats, objects, record, label, mark, statted, round);
        }
        if (round == settings.rounds()) {
          throw new CommitConflictException(
              "gave up replicating "
                  + source
                  + " to "
                  + target
                  + " after "
                  + round
                  + " rounds: the source kept changing ("
                  + moved.iterator().next()
                  + " moved in the last); every top copied so far is complete in the target",
              null);
        }
      }
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
    }
  }

  private ReplicationReport finish(
      List<RepositoryFormat> formats,
      TargetObjects objects,
      ReplicaRecord record,
      String label,
      SourceMark mark,
      Map<ObjectKey, Optional<String>> statted,
      int rounds)
      throws IOException {
    SortedMap<ObjectKey, Instant> unreachable = new TreeMap<>(record.unreachable());
    if (settings.deleteAfter().isPresent()) {
      unreachable =
          new Deletion(target, settings.formats(), tally, settings.dryRun())
              .run(
                  objects.listed(),
                  mark.keys(),
                  record.unreachable(),
                  settings.deleteAfter().get(),
                  settings.clock().instant())
              .unreachable();
    }
    Set<ObjectKey> topKeys = topKeys(mark);
    if (!settings.dryRun()) {
      ReplicaRecord.store(target, settings.retryPolicy(), label, topKeys, unreachable);
    }
    SortedMap<ObjectKey, Optional<String>> sourceTops = new TreeMap<>();
    for (ObjectKey key : topKeys) {
      Optional<String> token = statted.get(key);
      if (token != null) {
        sourceTops.put(key, token);
      }
    }
    return new ReplicationReport(
        formats.stream().map(RepositoryFormat::name).toList(),
        tally.copiedCount(),
        tally.skippedCount(),
        tally.deletedCount(),
        tally.bytes(),
        rounds,
        settings.deleteAfter().isPresent() ? unreachable.size() : 0,
        settings.dryRun(),
        sourceTops);
  }

  /** The formats present in the source that the run copies. */
  private List<RepositoryFormat> formatsToCopy() throws IOException {
    List<RepositoryFormat> present = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (RepositoryFormat format : settings.formats()) {
      if (format.isPresent(source)) {
        names.add(format.name());
        if (settings.scope().isEmpty()
            || (format instanceof ScopedFormat scoped
                && scoped.scopeKind().equals(settings.scope().get().kind()))) {
          present.add(format);
        }
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no repository found at " + source);
    }
    if (present.isEmpty()) {
      throw new IllegalArgumentException(
          "--"
              + settings.scope().get().kind()
              + " selects nothing in "
              + source
              + ": none of its formats ("
              + String.join(", ", names)
              + ") has parts of that kind");
    }
    return present;
  }

  private Map<ObjectKey, Optional<String>> stat(Set<ObjectKey> tops) throws IOException {
    Map<ObjectKey, Optional<String>> tokens = new TreeMap<>();
    for (ObjectKey top : tops) {
      tokens.put(top, source.stat(top).map(ObjectInfo::versionToken));
    }
    return tokens;
  }

  /**
   * A blob the mark names is missing from the source: the tops that moved since they were statted,
   * which the next round takes up; when none did, the source is broken and no top is written.
   */
  private Set<ObjectKey> movedOrBroken(
      SourceMark mark, Map<ObjectKey, Optional<String>> statted, Set<ObjectKey> missing)
      throws IOException {
    Set<ObjectKey> moved = new TreeSet<>();
    for (ObjectKey top : topKeys(mark)) {
      Optional<String> before = statted.get(top);
      if (before == null || !before.equals(source.stat(top).map(ObjectInfo::versionToken))) {
        moved.add(top);
      }
    }
    if (moved.isEmpty()) {
      throw new IOException(
          source
              + ": "
              + new TreeSet<>(missing).first()
              + " is named by an index but missing"
              + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "")
              + "; run pinrepo verify on the source");
    }
    return moved;
  }

  private static Set<ObjectKey> topKeys(SourceMark mark) {
    Set<ObjectKey> keys = new TreeSet<>();
    mark.withRole(Role.TOP).stream().map(LiveObject::key).forEach(keys::add);
    return keys;
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
