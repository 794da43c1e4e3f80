package io.pinrepo.replication;

import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Copies a repository, or one part of it, from one storage to another so that the target is a
 * consistent repository at every moment: a reader of the target (apt-get, pip, mvn, {@code pinrepo
 * verify}) sees each top either as it was or as the source has it, and every top names only objects
 * already there in full. Every format found in the source is copied, through what its {@link
 * RepositoryFormat#markLive} reports: blobs first, then derived files, then tops, deepest key first
 * (a top names only deeper tops: a PyPI project's page goes before the root page that lists it, a
 * Maven version's metadata before its artifact's).
 *
 * <h2>Consistency against a source that changes</h2>
 *
 * A run works in rounds. Each round stats the source's tops (the ones it knows: from the previous
 * run, recorded in the target, or from the previous round), then marks the source, copies what the
 * mark reaches, and finally reads each top with its version token and writes it to the target only
 * if the token is still the one statted before the mark. A token that did not change between the
 * stat and the final read was the version the mark read in between, so the objects copied are
 * exactly what that version names. The first top that moved (or that the round did not stat, being
 * new) stops the writing: it and the tops after it in that order wait for another round, so no top
 * written names a top still missing or older. After {@code rounds} rounds with tops still moving,
 * the run gives up with {@link io.pinrepo.CommitConflictException}; each top written so far is
 * complete in the target. A blob a mark names that is missing from the source is treated as a sign
 * the source moved; if no top moved, the source is broken and the run stops before writing any top.
 *
 * <h2>The target</h2>
 *
 * The target is listed once per run. Blobs are written only where the target has no object of that
 * key ({@code If-None-Match: *}): blob keys are write-once, so a key with the size an index records
 * (or, where no index records one, the key alone) is the same blob and is skipped. Derived files
 * and tops are compared by SHA-256 and replaced conditionally on the version the listing (or this
 * run's own write) gave, so two replicators, or a replicator and a publisher, cannot overwrite each
 * other: the loser stops with a {@link ReplicationConflictException}. A scoped copy merges shared
 * tops ({@link io.pinrepo.format.ScopedFormat#merge}) with a commit retried on a lost race, as a
 * publisher would. Blobs and derived files are copied by a bounded number of threads, through
 * {@link io.pinrepo.spi.ServerSideCopy} when the source can copy to the target itself (blobs only;
 * a streamed copy checks a blob's size and SHA-256 against its index and writes nothing when they
 * disagree). A run killed at any point leaves a consistent target, and the next run completes it.
 *
 * <h2>Deletion</h2>
 *
 * With {@link Builder#deleteUnreachable(Duration)}, once the new tops are in place, objects under
 * the target formats' collectable prefixes that neither the target's tops nor the source's reach
 * are recorded in the target's {@value ReplicaRecord#KEY} object with the time they were first
 * found unreachable, and deleted by the first run after their grace period (a reader may still
 * follow the tops they were named by); deletion is conditional on the version listed. That object
 * also remembers the source's tops, so that the next run needs one mark of the source, not two.
 *
 * <p>What it does not do: copy objects that nothing live reaches (unreferenced uploads, objects of
 * no format), copy the storage's metadata (content types are the target backend's own), or delete
 * tops. Thread-safe; one instance may run many replications.
 */
public final class Replicator {

  private final Settings settings;

  private Replicator(Settings settings) {
    this.settings = settings;
  }

  /**
   * A builder replicating what {@code formats} find (typically {@code
   * RepositoryFormats.installed()}).
   */
  public static Builder builder(List<? extends RepositoryFormat> formats) {
    return new Builder(List.copyOf(formats));
  }

  /**
   * Replicates {@code source} to {@code target}; see the type's description.
   *
   * @throws ReplicationConflictException when another writer changed the target meanwhile
   * @throws io.pinrepo.CommitConflictException when the source's tops kept moving for every round
   * @throws IllegalArgumentException when the source holds no repository, or no format of it
   *     selects parts of the kind the scope names
   */
  public ReplicationReport replicate(Storage source, Storage target) throws IOException {
    return replicate(source, target, transfer -> {});
  }

  /** As {@link #replicate(Storage, Storage)}, reporting each object copied or deleted. */
  public ReplicationReport replicate(Storage source, Storage target, Consumer<Transfer> progress)
      throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    return new ReplicationRun(settings, source, target, Objects.requireNonNull(progress)).run();
  }

  /**
   * Whether any of the source's tops that {@code last} copied now has another version: one stat per
   * top, the cheap check a watch makes before replicating again. Tops that did not exist at {@code
   * last} (a new distribution, project or artifact) are not seen; a watch should also run from time
   * to time regardless.
   */
  public boolean sourceMoved(Storage source, ReplicationReport last) throws IOException {
    for (Map.Entry<ObjectKey, Optional<String>> top : last.sourceTops().entrySet()) {
      if (!source.stat(top.getKey()).map(ObjectInfo::versionToken).equals(top.getValue())) {
        return true;
      }
    }
    return false;
  }

  /** The settings of a {@link Replicator}. */
  public static final class Builder {
    private final List<RepositoryFormat> formats;
    private Clock clock = Clock.systemUTC();
    private int parallelism = 4;
    private int rounds = 10;
    private Optional<Duration> deleteAfter = Optional.empty();
    private boolean dryRun;
    private Optional<Scope> scope = Optional.empty();
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

    private Builder(List<RepositoryFormat> formats) {
      this.formats = formats;
    }

    /** Judges grace periods by {@code clock}; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How many blobs and derived files are copied at once; 4 by default. */
    public Builder parallelism(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("parallelism must be 1 to 256: " + threads);
      }
      this.parallelism = threads;
      return this;
    }

    /**
     * How many times a run marks the source before it gives up on a moving source; 10 by default.
     */
    public Builder rounds(int rounds) {
      if (rounds < 2) {
        throw new IllegalArgumentException("rounds must be at least 2: " + rounds);
      }
      this.rounds = rounds;
      return this;
    }

    /**
     * Deletes from the target what nothing reaches any more, once it has been unreachable for
     * {@code grace}; off by default.
     */
    public Builder deleteUnreachable(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("negative grace period " + grace);
      }
      this.deleteAfter = Optional.of(grace);
      return this;
    }

    /** Reports what would be copied and deleted, writing nothing; off by default. */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /**
     * Copies only the part named {@code name} of the formats whose {@link
     * io.pinrepo.format.ScopedFormat#scopeKind()} is {@code kind} ({@code dist}, {@code project},
     * {@code group}); everything by default.
     */
    public Builder scope(String kind, String name) {
      this.scope = Optional.of(new Scope(kind, name));
      return this;
    }

    /**
     * How the commit of a merged shared top and of the replica record retry; the default policy.
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The replicator. */
    public Replicator build() {
      return new Replicator(
          new Settings(
              formats, clock, parallelism, rounds, deleteAfter, dryRun, scope, retryPolicy));
    }
  }

  /** Everything a run needs from the builder. */
  record Settings(
      List<RepositoryFormat> formats,
      Clock clock,
      int parallelism,
      int rounds,
      Optional<Duration> deleteAfter,
      boolean dryRun,
      Optional<Scope> scope,
      RetryPolicy retryPolicy) {}
}
