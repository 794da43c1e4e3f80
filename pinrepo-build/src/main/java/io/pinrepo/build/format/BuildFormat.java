package io.pinrepo.build.format;

import io.pinrepo.build.BuildLayout;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.Storage;
import io.pinrepo.verify.Problem;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds and pointers for repository-wide tools: verification (manifests against files, markers and
 * pointers against manifests, pointer histories complete) and GC marking.
 *
 * <h2>What GC keeps</h2>
 *
 * Every pointer and history entry; for each build line, the builds the {@link BuildRetention} keeps
 * (all by default), and whatever each pointer names now or named in its recent history ({@link
 * HistoryRoots}): keeping the newest builds never removes one a pointer names. A complete build
 * that nothing keeps loses its listing marker and manifest in one GC run and its files in the next,
 * so no manifest ever names a missing file; incomplete builds (files, no manifest: a publish that
 * died) go once older than the grace period. A pointer set while GC runs is safe because the set
 * first refreshes the age of an old manifest (see {@link io.pinrepo.build.BuildRepository#hold})
 * and GC re-checks ages before each delete.
 *
 * <p>Stateless and thread-safe. Marking walks the whole {@value BuildLayout#PREFIX} listing once
 * and reads every manifest and each pointer's recent history.
 */
public final class BuildFormat implements RepositoryFormat {

  static final String NAME = "build";

  private final BuildRetention retention;
  private final HistoryRoots history;
  private final Clock clock;

  /** Keeps every build, with {@link HistoryRoots#DEFAULT}, on the system UTC clock. */
  public BuildFormat() {
    this(BuildRetention.keepAll(), HistoryRoots.DEFAULT, Clock.systemUTC());
  }

  private BuildFormat(BuildRetention retention, HistoryRoots history, Clock clock) {
    this.retention = Objects.requireNonNull(retention, "retention");
    this.history = Objects.requireNonNull(history, "history");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** This format keeping the builds {@code retention} says. */
  public BuildFormat withRetention(BuildRetention retention) {
    return new BuildFormat(retention, history, clock);
  }

  /** This format keeping the versions in {@code history} of each pointer. */
  public BuildFormat withHistoryRoots(HistoryRoots history) {
    return new BuildFormat(retention, history, clock);
  }

  /** This format judging the age of history entries by {@code clock}. */
  public BuildFormat withClock(Clock clock) {
    return new BuildFormat(retention, history, clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isPresent(Storage storage) throws IOException {
    try (ObjectListing listing = storage.list(BuildLayout.PREFIX)) {
      return listing.hasNext();
    }
  }

  @Override
  public void verify(Storage storage, VerifyContext context, Consumer<Problem> problems)
      throws IOException {
    new Checks(storage, clock, problems).run();
  }

  @Override
  public void markLive(Storage storage, Consumer<ObjectKey> live) throws IOException {
    new LiveMarking(storage, retention, history, clock).mark(object -> live.accept(object.key()));
  }

  @Override
  public List<String> collectablePrefixes(Storage storage) {
    return List.of(BuildLayout.PREFIX);
  }
}
