package io.pinrepo.debian;

import io.pinrepo.commit.Blobs;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Commits one {@link Edit} to a distribution (steps 2 to 6 of the publish protocol): read the
 * commit point, recompute only the touched indexes, write them under their by-hash names, replace
 * the commit point conditionally, retry on a lost race; then write the legacy paths, each on
 * condition that it is still the version read before the commit, and re-check them against the
 * commit point so a slower publisher never leaves older files in place, not even one that dies
 * right after a late write.
 */
final class DistCommit {
  private static final int LEGACY_ROUNDS = 10;

  private final Settings settings;
  private final DistLayout layout;

  DistCommit(Settings settings, String dist) {
    this.settings = settings;
    this.layout = new DistLayout(dist);
  }

  /**
   * A commit: its version token, its Release text, the legacy index files it changed and the
   * version tokens that their legacy paths (and Release, Release.gpg) had before it.
   */
  private record Committed(
      String token,
      String releaseText,
      SortedMap<String, byte[]> files,
      Map<ObjectKey, Optional<String>> seen) {}

  private record Outcome(ChangeReport report, Optional<Committed> committed) {}

  ChangeReport run(Edit edit) throws IOException {
    OptimisticCommit commit = new OptimisticCommit(settings.retryPolicy());
    Outcome outcome = commit.run("dists/" + layout.dist(), () -> attempt(edit));
    if (outcome.committed().isPresent()) {
      writeLegacy(outcome.committed().get());
    } else {
      repairLegacy(edit.component());
    }
    return outcome.report();
  }

  /**
   * Nothing changed, maybe because this edit committed before a crash cut its legacy writes short:
   * rewrite the component's legacy indexes (and, when signed, Release) that differ from the commit
   * point, so that repeating a crashed publish or remove also repairs what clients without by-hash
   * support read.
   */
  private void repairLegacy(String component) throws IOException {
    DistState state = DistState.read(settings, layout);
    if (!state.top().exists()) {
      return;
    }
    Set<String> stale = new TreeSet<>();
    for (Map.Entry<String, Digests> file : state.files().entrySet()) {
      String path = file.getKey();
      if (path.startsWith(component + "/")
          && !path.contains("/by-hash/")
          && !Blobs.matches(settings.storage(), layout.file(path), file.getValue())) {
        stale.add(path);
      }
    }
    boolean releaseStale =
        settings.signer().isPresent()
            && !Blobs.matches(
                settings.storage(),
                layout.release(),
                Digests.of(releaseTextOf(state).getBytes(StandardCharsets.UTF_8)));
    if (!stale.isEmpty() || releaseStale) {
      settle(stale, state.top().versionToken().orElse(""), legacyFiles(state, stale), null);
    }
  }

  private Outcome attempt(Edit edit) throws IOException {
    DistState state = DistState.read(settings, layout);
    Changes changes = new Changes(edit.component());
    SortedMap<String, byte[]> indexes = recompute(state, edit, changes);
    if (indexes.isEmpty()) {
      return new Outcome(changes.report(false), Optional.empty());
    }
    SortedMap<String, Digests> listed = new TreeMap<>(state.files());
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (Map.Entry<String, byte[]> index : indexes.entrySet()) {
      String dir = index.getKey().substring(0, index.getKey().lastIndexOf('/'));
      listed.keySet().removeIf(p -> p.startsWith(dir + "/Packages"));
      for (Map.Entry<String, byte[]> file :
          settings.compression().files(index.getValue()).entrySet()) {
        String path = dir + "/" + file.getKey();
        Digests digests = Digests.of(file.getValue());
        putByHash(path, file.getValue(), digests);
        listed.put(path, digests);
        files.put(path, file.getValue());
      }
    }
    recordSuperseded(state.files(), listed);
    String text = release(listed).render();
    String top = settings.signer().isPresent() ? settings.signer().get().clearSign(text) : text;
    // Read before the commit, so the legacy writes after it lose to any newer publisher's.
    Map<ObjectKey, Optional<String>> seen = tokens(files.keySet());
    ObjectInfo info = state.top().replace(settings.storage(), top.getBytes(StandardCharsets.UTF_8));
    return new Outcome(
        changes.report(true), Optional.of(new Committed(info.versionToken(), text, files, seen)));
  }

  /** The new bytes of every index that changes, by path relative to the distribution. */
  private SortedMap<String, byte[]> recompute(DistState state, Edit edit, Changes changes)
      throws IOException {
    String component = DistLayout.checkName("component", edit.component());
    SortedSet<String> distArchs = new TreeSet<>(state.architectures());
    if (distArchs.isEmpty() && edit.newArchitectures().isEmpty()) {
      distArchs.addAll(settings.defaultArchitectures());
    }
    distArchs.addAll(edit.newArchitectures());
    SortedSet<String> componentArchs = state.architectures(component);
    SortedMap<String, byte[]> indexes = new TreeMap<>();
    for (String arch : new TreeSet<>(edit.touched(distArchs, componentArchs))) {
      boolean exists = componentArchs.contains(arch);
      byte[] before = exists ? state.packagesBytes(component, arch) : null;
      List<IndexEntry> base =
          exists
              ? PackagesIndex.parse(before, DistLayout.indexDir(component, arch))
              : seed(state, component, componentArchs);
      byte[] after = PackagesIndex.render(edit.apply(arch, base, changes));
      if (!Arrays.equals(before, after)) {
        indexes.put(DistLayout.indexDir(component, arch) + "/Packages", after);
      }
    }
    if (!indexes.isEmpty()) {
      // Every component gets an index for every architecture of the distribution, as apt expects.
      for (String other : state.components()) {
        SortedSet<String> archs = state.architectures(other);
        for (String arch : distArchs) {
          if (!other.equals(component) && !archs.contains(arch)) {
            indexes.put(
                DistLayout.indexDir(other, arch) + "/Packages",
                PackagesIndex.render(seed(state, other, archs)));
          }
        }
      }
    }
    return indexes;
  }

  /** A new architecture's index starts with the component's {@code Architecture: all} packages. */
  private static List<IndexEntry> seed(DistState state, String component, SortedSet<String> archs)
      throws IOException {
    if (archs.isEmpty()) {
      return List.of();
    }
    List<IndexEntry> all = new ArrayList<>();
    for (IndexEntry e : state.packages(component, archs.first())) {
      if (e.architecture().equals("all")) {
        all.add(e);
      }
    }
    return all;
  }

  /** Keeps the by-hash files this commit stops listing for the retention period. */
  private void recordSuperseded(Map<String, Digests> before, Map<String, Digests> after)
      throws IOException {
    if (settings.byHashRetention().isZero()) {
      return;
    }
    Map<String, Digests> superseded = new TreeMap<>();
    before.forEach(
        (path, digests) -> {
          if (!digests.equals(after.get(path))) {
            superseded.put(path, digests);
          }
        });
    if (!superseded.isEmpty()) {
      Instant now = settings.clock().instant();
      SupersededIndexes.record(
          settings, layout, superseded, now, now.plus(settings.byHashRetention()));
    }
  }

  private ReleaseFile release(SortedMap<String, Digests> files) {
    // Truncated to the second: the Date written is never later than the clock.
    Instant now = settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    return new ReleaseFile(
        layout.dist(),
        settings.origin(),
        settings.label(),
        now,
        settings.validFor().map(now::plus),
        files);
  }

  private void putByHash(String path, byte[] content, Digests digests) throws IOException {
    for (HashAlgorithm algorithm : HashAlgorithm.values()) {
      Blobs.put(
          settings.storage(),
          layout.byHash(path, algorithm, digests.hex(algorithm)),
          ContentSource.ofBytes(content),
          digests,
          settings.clock());
    }
  }

  private void writeLegacy(Committed committed) throws IOException {
    SortedMap<ObjectKey, byte[]> files = new TreeMap<>();
    committed.files().forEach((path, bytes) -> files.put(layout.file(path), bytes));
    addRelease(files, committed.releaseText());
    settle(committed.files().keySet(), committed.token(), files, committed.seen());
  }

  /**
   * Writes the legacy {@code files}, rendered from the commit {@code token}, each only if it is
   * still the version read before that commit was read or made ({@code seen}; null when not read
   * yet): a slow publisher of an older commit loses to any legacy file written since, even if it
   * dies right after. Then re-checks the commit point; on a lost write or a newer commit it reads
   * the files' versions and then the newest commit again and rewrites {@code paths} from it, so
   * that what stays at the legacy paths is never older than the commit point.
   */
  private void settle(
      Set<String> paths,
      String token,
      SortedMap<ObjectKey, byte[]> files,
      Map<ObjectKey, Optional<String>> seen)
      throws IOException {
    Storage storage = settings.storage();
    ObjectKey commitPoint = DistState.commitPoint(settings, layout);
    for (int round = 0; round < LEGACY_ROUNDS; round++) {
      if (seen == null) {
        seen = tokens(paths);
        Optional<ObjectInfo> now = storage.stat(commitPoint);
        if (now.isEmpty()) {
          return;
        }
        if (!now.get().versionToken().equals(token)) {
          DistState newer = DistState.read(settings, layout);
          if (!newer.top().exists()) {
            return;
          }
          token = newer.top().versionToken().orElseThrow();
          files = legacyFiles(newer, paths);
        }
      }
      boolean lost = writeAll(files, seen);
      seen = null;
      Optional<ObjectInfo> now = storage.stat(commitPoint);
      if (now.isEmpty() || (!lost && now.get().versionToken().equals(token))) {
        return;
      }
    }
  }

  /** The version tokens of the legacy paths of {@code paths}, and of Release when signing. */
  private Map<ObjectKey, Optional<String>> tokens(Set<String> paths) throws IOException {
    Set<ObjectKey> keys = new TreeSet<>();
    paths.forEach(path -> keys.add(layout.file(path)));
    if (settings.signer().isPresent()) {
      keys.add(layout.release());
      keys.add(layout.releaseSignature());
    }
    Map<ObjectKey, Optional<String>> tokens = new TreeMap<>();
    for (ObjectKey key : keys) {
      tokens.put(key, settings.storage().stat(key).map(ObjectInfo::versionToken));
    }
    return tokens;
  }

  /**
   * Writes each file on condition that it is still as {@code seen}.
   *
   * @return whether another publisher wrote one since it was read
   */
  private boolean writeAll(
      SortedMap<ObjectKey, byte[]> files, Map<ObjectKey, Optional<String>> seen)
      throws IOException {
    boolean lost = false;
    for (Map.Entry<ObjectKey, byte[]> file : files.entrySet()) {
      Optional<String> before = seen.getOrDefault(file.getKey(), Optional.empty());
      WriteCondition condition =
          before.isPresent() ? WriteCondition.matches(before.get()) : WriteCondition.mustBeAbsent();
      try {
        settings.storage().write(file.getKey(), ContentSource.ofBytes(file.getValue()), condition);
      } catch (PreconditionFailedException e) {
        lost = true; // another publisher wrote it since: read again, and write only if newest
      }
    }
    return lost;
  }

  /** The legacy files of {@code paths} as {@code state} lists them, and Release when signing. */
  private SortedMap<ObjectKey, byte[]> legacyFiles(DistState state, Set<String> paths)
      throws IOException {
    SortedMap<ObjectKey, byte[]> files = new TreeMap<>();
    for (String path : paths) {
      Digests digests = state.files().get(path);
      if (digests != null) {
        files.put(layout.file(path), DistState.readByHash(settings, layout, path, digests));
      }
    }
    addRelease(files, releaseTextOf(state));
    return files;
  }

  private String releaseTextOf(DistState state) throws IOException {
    String text = new String(state.top().bytes(), StandardCharsets.UTF_8);
    return settings.signer().isPresent()
        ? ClearSigned.content(text, state.top().key().value())
        : text;
  }

  /** With a signer, {@code Release} and {@code Release.gpg} follow the committed InRelease. */
  private void addRelease(SortedMap<ObjectKey, byte[]> files, String text) throws IOException {
    if (settings.signer().isEmpty()) {
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    files.put(layout.release(), bytes);
    files.put(
        layout.releaseSignature(),
        settings.signer().get().detachedSignature(new ByteArrayInputStream(bytes)));
  }
}
