package io.pinrepo.stress;

import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.gc.GarbageCollector;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import io.pinrepo.testkit.time.ManualClock;
import io.pinrepo.verify.Verification;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs GC over and over (grace 1h) in one thread while publisher threads commit, on an in-memory
 * storage whose manual clock moves a minute per GC run; after each run, verify must find no index
 * entry whose file is missing, and at the end verify is clean and every reported publish listed.
 */
final class GcRace {
  static final Duration GRACE = Duration.ofHours(1);
  private static final int MAX_GC_RUNS =
      40; // a minute each: the clock stays within the grace period

  /** One publish; returns what it published, in the words {@code listed} uses. */
  interface Publish {
    String run() throws IOException;
  }

  /** The measured figures of one race. */
  record Figures(
      int publishes,
      int gcRuns,
      int collected,
      long spared,
      int uploadedAgain,
      int wrongDeletions,
      int missingSeen) {
    Figures plus(Figures o) {
      return new Figures(
          publishes + o.publishes,
          gcRuns + o.gcRuns,
          collected + o.collected,
          spared + o.spared,
          uploadedAgain + o.uploadedAgain,
          wrongDeletions + o.wrongDeletions,
          missingSeen + o.missingSeen);
    }

    @Override
    public String toString() {
      return "publishes "
          + publishes
          + ", gc runs "
          + gcRuns
          + ", collected "
          + collected
          + ", spared "
          + spared
          + ", collected then uploaded again by a re-publish "
          + uploadedAgain
          + ", index entries seen missing "
          + missingSeen
          + ", gc deletions wrong "
          + wrongDeletions;
    }
  }

  static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);

  private final InMemoryStorage storage;
  private final ManualClock clock;
  private final List<RepositoryFormat> formats;

  GcRace(InMemoryStorage storage, ManualClock clock, List<RepositoryFormat> formats) {
    this.storage = storage;
    this.clock = clock;
    this.formats = formats;
  }

  /**
   * Runs each thread's publishes (one thread per list) against a looping GC; returns what the
   * publishers reported and the figures.
   */
  Figures run(List<List<Publish>> threads, Set<String> reported) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads.size() + 1);
    AtomicBoolean publishing = new AtomicBoolean(true);
    Set<ObjectKey> deleted = ConcurrentHashMap.newKeySet();
    List<Integer> counts = new ArrayList<>(List.of(0, 0, 0));
    long[] spared = {0};
    int publishes = 0;
    try {
      Future<?> gc =
          pool.submit(
              (Callable<Void>)
                  () -> {
                    GarbageCollector collector = new GarbageCollector(formats, clock);
                    for (int run = 0; run < MAX_GC_RUNS && publishing.get(); run++) {
                      GarbageCollector.Result r =
                          collector.run(storage, GRACE, false, i -> deleted.add(i.key()));
                      counts.set(0, counts.get(0) + 1);
                      counts.set(1, counts.get(1) + r.collected().size());
                      spared[0] += r.spared();
                      counts.set(2, counts.get(2) + missingNotPruned(verify(), deleted).size());
                      clock.advance(Duration.ofMinutes(1));
                    }
                    return null;
                  });
      List<Future<List<String>>> publishers = new ArrayList<>();
      for (List<Publish> thread : threads) {
        publishers.add(
            pool.submit(
                () -> {
                  List<String> done = new ArrayList<>();
                  for (Publish p : thread) {
                    done.add(p.run());
                  }
                  return done;
                }));
      }
      for (Future<List<String>> f : publishers) {
        List<String> done = f.get();
        publishes += done.size();
        reported.addAll(done);
      }
      publishing.set(false);
      gc.get();
    } finally {
      pool.shutdownNow();
    }
    // Deleted by GC yet named by what is live now, and absent: a wrong deletion.
    Set<ObjectKey> live = new HashSet<>();
    for (RepositoryFormat f : formats) {
      f.markLive(storage, object -> live.add(object.key()));
    }
    int wrong = 0;
    int again = 0;
    for (ObjectKey key : deleted) {
      if (live.contains(key)) {
        if (storage.stat(key).isEmpty()) {
          wrong++;
        } else {
          again++;
        }
      }
    }
    return new Figures(
        publishes, counts.get(0), counts.get(1), spared[0], again, wrong, counts.get(2));
  }

  List<Problem> verify() throws IOException {
    return new Verification(formats).run(storage, VerifyContext.unsigned()).problems();
  }

  /** Problems that say an index names a file that is not there. */
  static List<Problem> missing(List<Problem> problems) {
    return problems.stream().filter(p -> p.description().contains("missing")).toList();
  }

  /**
   * The missing-file problems a reader may not see. A Maven snapshot build that its deployer's
   * retention pruned (metadata first, then the files, as Maven repositories do) can be named by the
   * metadata a verify read a moment before: that is retention, not GC, and only counts if GC was
   * the one that deleted it.
   */
  static List<Problem> missingNotPruned(List<Problem> problems, Set<ObjectKey> deletedByGc) {
    return missing(problems).stream()
        .filter(p -> !p.key().value().contains("-SNAPSHOT/") || deletedByGc.contains(p.key()))
        .toList();
  }

  /** A final collection after everything has aged past the grace period. */
  GarbageCollector.Result collectAged() throws IOException {
    clock.advance(Duration.ofDays(3));
    return new GarbageCollector(formats, clock).run(storage, GRACE, false, i -> {});
  }
}
