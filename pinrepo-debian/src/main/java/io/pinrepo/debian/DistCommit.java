package io.pinrepo.debian;

import io.pinrepo.commit.Blobs;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
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
 * the commit point conditionally, retry on a lost race; then write the legacy paths and re-check
 * them against the commit point so a slower publisher never leaves older files in place.
 */
final class DistCommit {
  private static final int LEGACY_ROUNDS = 10;

  private final Settings settings;
  private final DistLayout layout;

  DistCommit(Settings settings, String dist) {
    this.settings = settings;
    this.layout = new DistLayout(dist);
  }

  private record Committed(String token, String releaseText, SortedMap<String, byte[]> files) {}

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
      settle(resync(stale), stale);
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
    ObjectInfo info = state.top().replace(settings.storage(), top.getBytes(StandardCharsets.UTF_8));
    return new Outcome(
        changes.report(true), Optional.of(new Committed(info.versionToken(), text, files)));
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
    Storage storage = settings.storage();
    for (Map.Entry<String, byte[]> file : committed.files().entrySet()) {
      storage.write(
          layout.file(file.getKey()),
          ContentSource.ofBytes(file.getValue()),
          WriteCondition.none());
    }
    writeRelease(committed.releaseText());
    settle(committed.token(), committed.files().keySet());
  }

  /** Rewrites {@code paths} from newer commits until the commit point is still {@code token}. */
  private void settle(String token, Set<String> paths) throws IOException {
    Storage storage = settings.storage();
    for (int round = 0; round < LEGACY_ROUNDS; round++) {
      Optional<ObjectInfo> now = storage.stat(DistState.commitPoint(settings, layout));
      if (now.isEmpty() || now.get().versionToken().equals(token)) {
        return;
      }
      // A newer commit landed while these were written: rewrite them from it, so that what stays
      // at the legacy paths is never older than the commit point.
      token = resync(paths);
    }
  }

  private String resync(Set<String> paths) throws IOException {
    DistState newer = DistState.read(settings, layout);
    for (String path : paths) {
      Digests digests = newer.files().get(path);
      if (digests != null) {
        byte[] bytes = DistState.readByHash(settings, layout, path, digests);
        settings
            .storage()
            .write(layout.file(path), ContentSource.ofBytes(bytes), WriteCondition.none());
      }
    }
    writeRelease(releaseTextOf(newer));
    return newer.top().versionToken().orElse("");
  }

  private String releaseTextOf(DistState state) throws IOException {
    String text = new String(state.top().bytes(), StandardCharsets.UTF_8);
    return settings.signer().isPresent()
        ? ClearSigned.content(text, state.top().key().value())
        : text;
  }

  /** With a signer, {@code Release} and {@code Release.gpg} follow the committed InRelease. */
  private void writeRelease(String text) throws IOException {
    if (settings.signer().isEmpty()) {
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] signature = settings.signer().get().detachedSignature(new ByteArrayInputStream(bytes));
    Storage storage = settings.storage();
    storage.write(layout.release(), ContentSource.ofBytes(bytes), WriteCondition.none());
    storage.write(
        layout.releaseSignature(), ContentSource.ofBytes(signature), WriteCondition.none());
  }
}
