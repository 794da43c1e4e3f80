package io.pinrepo.build;

import io.pinrepo.build.internal.Times;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.StoredManifest;
import io.pinrepo.build.pointer.PointerChange;
import io.pinrepo.build.pointer.PointerJson;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerSetResult;
import io.pinrepo.build.pointer.PointerState;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.Top;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Named version pointers of build lines: {@code (web, prod) -> 1.4.2}, from {@link
 * BuildRepository#pointers()}. A pointer is one small object replaced only by a conditional write
 * on the version token read (compare-and-swap), so concurrent setters never lose an update; every
 * change gets a number and is kept in the pointer's history.
 *
 * <h2>How a change is recorded</h2>
 *
 * The pointer object holds the latest change (number {@code n}, from, to, time, note). Before it is
 * replaced by change {@code n+1}, a copy of it is written as history entry {@code n} if that entry
 * is missing; after the replacement, change {@code n+1} is copied to entry {@code n+1}. So entries
 * {@code 1..n-1} always exist and entry {@code n} exists or is the pointer object itself: a setter
 * that dies after its commit loses no history, and two setters can never write different entries
 * under one number, since only the winner of change {@code n} writes its content. Reading the
 * history merges the two.
 *
 * <p>The entry written after the commit is a file derived from the committed pointer, but it is
 * written directly rather than through {@code OptimisticCommit.Operation.settle}: settling guards
 * files that are rewritten for every version of a top, so that a slow writer of an older version
 * cannot overwrite a newer one. A history entry is never rewritten: its key is its change's number
 * and its bytes are fixed by the commit, so a late write either writes those bytes or finds them
 * there, and the check of the top that settling ends with would only add a request per change.
 *
 * <p>A pointer may only name a complete build: a change first reads the build's manifest (and
 * rewrites an old one with its same bytes, so that a concurrent GC spares it). Rolling back is
 * setting an earlier version. A change costs five storage requests however long the history: read
 * the manifest, read the pointer, stat the previous history entry, write the pointer, write the new
 * entry; a lost race repeats the middle three, within the repository's {@link
 * BuildRepository.Builder#retryPolicy retry policy}. Pointers are never deleted. Thread-safe.
 */
public final class Pointers {

  private final Storage storage;
  private final Settings settings;
  private final ManifestStore store;
  private final OptimisticCommit commit;

  Pointers(Storage storage, Settings settings, ManifestStore store) {
    this.storage = storage;
    this.settings = settings;
    this.store = store;
    this.commit = new OptimisticCommit(settings.retryPolicy());
  }

  /** The pointer's current state, or empty if it was never set. One read. */
  public Optional<PointerState> read(BuildName name, PointerName pointer) throws IOException {
    ObjectKey key = BuildLayout.pointer(name, pointer);
    Top top = Top.read(storage, key, PointerJson.MAX_BYTES);
    if (!top.exists()) {
      return Optional.empty();
    }
    return Optional.of(
        new PointerState(
            name,
            pointer,
            PointerJson.parse(top.bytes(), name, pointer, key.value()),
            top.versionToken().orElseThrow()));
  }

  /**
   * Points {@code pointer} of {@code name} at {@code update.version()}, if {@code update}'s
   * expectation holds; a no-op when it points there already. Its result is not a {@link
   * io.pinrepo.format.ChangeReport}: a pointer change adds or removes no build, and its caller
   * needs the pointer's new state (version token, change number, from and to).
   *
   * @throws NoSuchBuildException when that version is not a complete build; nothing is changed
   * @throws PointerMovedException when the pointer does not name the expected version; nothing is
   *     changed
   * @throws io.pinrepo.CommitConflictException when other setters kept winning for the whole retry
   *     budget; nothing is changed
   */
  public PointerSetResult set(BuildName name, PointerName pointer, PointerUpdate update)
      throws IOException {
    StoredManifest target = store.hold(name, update.version());
    ObjectKey key = BuildLayout.pointer(name, pointer);
    Committed committed =
        commit.run(key.value(), () -> attempt(name, pointer, update, target, key));
    if (committed.changed()) {
      PointerHistory.ensureEntry(
          storage, name, pointer, committed.state().seq(), committed.bytes(), false);
    }
    return new PointerSetResult(committed.state(), committed.changed());
  }

  private record Committed(PointerState state, boolean changed, byte[] bytes) {}

  private Committed attempt(
      BuildName name,
      PointerName pointer,
      PointerUpdate update,
      StoredManifest target,
      ObjectKey key)
      throws IOException {
    Top top = Top.read(storage, key, PointerJson.MAX_BYTES);
    Optional<PointerChange> current =
        top.exists()
            ? Optional.of(PointerJson.parse(top.bytes(), name, pointer, key.value()))
            : Optional.empty();
    Optional<BuildVersion> at = current.map(PointerChange::to);
    if (update.expected().isPresent() && !update.expected().equals(at)) {
      throw new PointerMovedException(name, pointer, update.expected().get(), at);
    }
    if (current.isPresent() && at.get().equals(update.version())) {
      PointerState same =
          new PointerState(name, pointer, current.get(), top.versionToken().orElseThrow());
      return new Committed(same, false, top.bytes());
    }
    if (current.isPresent()) {
      PointerHistory.ensureEntry(storage, name, pointer, current.get().seq(), top.bytes(), true);
    }
    PointerChange next =
        new PointerChange(
            current.map(PointerChange::seq).orElse(0L) + 1,
            at,
            update.version(),
            target.sha256(),
            Times.truncate(settings.clock().instant()),
            update.note());
    byte[] bytes = PointerJson.render(name, pointer, next);
    ObjectInfo written = top.replace(storage, bytes);
    return new Committed(
        new PointerState(name, pointer, next, written.versionToken()), true, bytes);
  }

  /**
   * The pointer's newest {@code limit} changes, newest first; empty if it was never set. Reads the
   * pointer, lists its history and reads up to {@code limit - 1} entries.
   */
  public List<PointerChange> history(BuildName name, PointerName pointer, int limit)
      throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    List<PointerChange> changes = new ArrayList<>();
    PointerHistory.walk(
        storage,
        read(name, pointer),
        change -> {
          changes.add(change);
          return changes.size() < limit;
        });
    return changes;
  }

  /**
   * The versions a pointer named in its recent history: its current version, and the {@code from}
   * and {@code to} of the newest {@link HistoryRoots#count()} changes and of every change younger
   * than {@link HistoryRoots#period()}. What GC keeps for a pointer, so that a rollback finds its
   * build.
   */
  Set<BuildVersion> recentVersions(BuildName name, PointerName pointer) throws IOException {
    HistoryRoots roots = settings.historyRoots();
    Set<BuildVersion> versions = new LinkedHashSet<>();
    Instant since = settings.clock().instant().minus(roots.period());
    int[] seen = {0};
    PointerHistory.walk(
        storage,
        read(name, pointer),
        change -> {
          versions.add(change.to());
          change.from().ifPresent(versions::add);
          seen[0]++;
          return seen[0] < roots.count() || change.time().isAfter(since);
        });
    return versions;
  }

  /**
   * Every pointer of {@code name}, sorted. Lists the name's pointer objects and their histories, so
   * it costs one list request per 1,000 changes on S3.
   */
  public List<PointerName> pointers(BuildName name) throws IOException {
    List<PointerName> names = new ArrayList<>();
    try (ObjectListing listing = storage.list(BuildLayout.pointerPrefix(name))) {
      while (listing.hasNext()) {
        BuildLayout.parse(listing.next().key())
            .filter(k -> k instanceof BuildLayout.PointerKey)
            .ifPresent(k -> names.add(((BuildLayout.PointerKey) k).pointer()));
      }
    }
    return names;
  }

  /** A watcher of {@code pointer} of {@code name}, to configure and start. */
  public PointerWatcher.Builder watcher(BuildName name, PointerName pointer) {
    return new PointerWatcher.Builder(this, storage, name, pointer);
  }
}
