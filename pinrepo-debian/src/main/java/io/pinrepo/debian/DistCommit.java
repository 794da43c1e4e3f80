package io.pinrepo.debian;

import io.pinrepo.PinrepoException;
import io.pinrepo.commit.Blobs;
import io.pinrepo.commit.DerivedFiles;
import io.pinrepo.commit.ObjectVersions;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.Settlement;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.StoredContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Commits one {@link Edit} to a distribution (steps 2 to 6 of the publish protocol): read the
 * commit point, recompute only the touched indexes, write them under their by-hash names, replace
 * the commit point conditionally, retry on a lost race. Then the post-commit step ({@link
 * OptimisticCommit.Operation#settle}) writes the legacy paths (and, when signing, {@code Release}
 * and {@code Release.gpg}), each on condition that it is still the version read before the commit,
 * so a slower publisher never leaves older files in place, not even one that dies right after a
 * late write.
 */
final class DistCommit {

  private final Storage storage;
  private final Settings settings;
  private final DistLayout layout;

  /**
   * The state {@link #conflicts} read; the first commit attempt starts from it if still current.
   */
  private DistState checked;

  DistCommit(Storage storage, Settings settings, String dist) {
    this.storage = storage;
    this.settings = settings;
    this.layout = new DistLayout(dist);
  }

  /**
   * A commit: its version token, its Release text, the legacy index files it changed and the
   * versions that their legacy paths (and Release, Release.gpg) had before it.
   */
  private record Committed(
      String token,
      String releaseText,
      SortedMap<String, ContentSource> files,
      ObjectVersions before) {}

  /** What one attempt did: the changes, the state it read, and its commit if it made one. */
  private record Outcome(Changes changes, DistState state, Optional<Committed> committed) {}

  ChangeReport<PackageRef> run(Edit edit) throws IOException {
    OptimisticCommit.Operation operation =
        new OptimisticCommit(settings.retryPolicy()).start("dists/" + layout.dist());
    Outcome outcome = operation.commit(() -> attempt(edit));
    if (outcome.committed().isPresent()) {
      Committed committed = outcome.committed().get();
      SortedMap<ObjectKey, ContentSource> files = legacyFiles(committed.files());
      addRelease(files, committed.releaseText());
      DerivedFiles derived =
          new DerivedFiles(
              outcome.state().top().key(), committed.token(), files, committed.before());
      return outcome.changes().report(true, operation.settle(storage, derived));
    }
    Optional<DerivedFiles> stale = staleLegacy(edit.component(), outcome.state());
    Settlement repaired =
        stale.isPresent() ? operation.settle(storage, stale.get()) : Settlement.CURRENT;
    return outcome.changes().report(false, repaired);
  }

  /**
   * Nothing changed, maybe because this edit committed before a crash cut its legacy writes short:
   * the component's legacy indexes (and, when signing, Release) that differ from the commit point,
   * so that repeating a crashed publish or remove also repairs what clients without by-hash support
   * read. Their versions are read before the commit point is looked at again, as settling needs.
   *
   * @param read the state the attempt read
   */
  private Optional<DerivedFiles> staleLegacy(String component, DistState read) throws IOException {
    if (!read.top().exists()) {
      return Optional.empty();
    }
    Set<String> paths = new TreeSet<>();
    read.files().keySet().stream().filter(p -> p.startsWith(component + "/")).forEach(paths::add);
    ObjectVersions before = ObjectVersions.read(storage, legacyKeys(paths));
    DistState state = current(read);
    if (!state.top().exists()) {
      return Optional.empty();
    }
    SortedMap<String, ContentSource> stale = new TreeMap<>();
    for (String path : paths) {
      Digests digests = state.files().get(path);
      if (digests != null && !Blobs.matches(storage, layout.file(path), digests)) {
        stale.put(
            path,
            stored(path, DistState.readByHash(storage, settings, layout, path, digests), digests));
      }
    }
    String releaseText = releaseTextOf(state);
    boolean releaseStale =
        settings.signer().isPresent()
            && !Blobs.matches(
                storage,
                layout.release(),
                Digests.of(releaseText.getBytes(StandardCharsets.UTF_8)));
    if (stale.isEmpty() && !releaseStale) {
      return Optional.empty();
    }
    SortedMap<ObjectKey, ContentSource> files = legacyFiles(stale);
    if (releaseStale) {
      addRelease(files, releaseText);
    }
    return Optional.of(
        new DerivedFiles(
            state.top().key(), state.top().versionToken().orElseThrow(), files, before));
  }

  /** {@code read} if its commit point is unchanged, else the distribution read again. */
  private DistState current(DistState read) throws IOException {
    Optional<String> now = storage.stat(read.top().key()).map(ObjectInfo::versionToken);
    return now.equals(read.top().versionToken()) ? read : DistState.read(storage, settings, layout);
  }

  private Outcome attempt(Edit edit) throws IOException {
    DistState state = checked != null ? checked.again() : DistState.read(storage, settings, layout);
    checked = null;
    Changes changes = new Changes(edit.component());
    SortedMap<String, byte[]> indexes = recomputeVerified(state, edit, changes);
    changes.refuseConflicts();
    if (indexes.isEmpty()) {
      return new Outcome(changes, state, Optional.empty());
    }
    SortedMap<String, Digests> listed = new TreeMap<>(state.files());
    SortedMap<String, ContentSource> files = new TreeMap<>();
    for (Map.Entry<String, byte[]> index : indexes.entrySet()) {
      String dir = index.getKey().substring(0, index.getKey().lastIndexOf('/'));
      listed.keySet().removeIf(p -> p.startsWith(dir + "/Packages"));
      Optional<byte[]> previous = state.listedBytes(index.getKey());
      // The listed Packages.gz beside it, whose unchanged gzip members the new one copies.
      Optional<byte[]> previousGz =
          previous.isPresent() ? state.listedBytes(index.getKey() + ".gz") : Optional.empty();
      Map<String, CompletableFuture<byte[]>> forms =
          settings
              .compression()
              .filesConcurrently(index.getValue(), previous.orElse(null), previousGz.orElse(null));
      // Each form is digested where it is made: the compressed ones on the thread that made them.
      Map<String, CompletableFuture<Digests>> digested = new TreeMap<>();
      forms.forEach((name, form) -> digested.put(name, form.thenApply(Digests::of)));
      state.verifyReads();
      for (Map.Entry<String, CompletableFuture<byte[]>> file : forms.entrySet()) {
        String path = dir + "/" + file.getKey();
        byte[] bytes = IndexCompression.join(file.getValue());
        Digests digests = IndexCompression.join(digested.get(file.getKey()));
        putByHash(path, bytes, digests);
        listed.put(path, digests);
        files.put(path, stored(path, bytes, digests));
      }
    }
    recordSuperseded(state.files(), listed);
    String text = release(listed, rendered(state, listed, indexes.keySet())).render();
    String top = settings.signer().isPresent() ? settings.signer().get().clearSign(text) : text;
    // Read before the commit, so the legacy writes after it lose to any newer publisher's.
    ObjectVersions before = ObjectVersions.read(storage, legacyKeys(files.keySet()));
    ObjectInfo info = state.top().replace(storage, top.getBytes(StandardCharsets.UTF_8));
    return new Outcome(
        changes, state, Optional.of(new Committed(info.versionToken(), text, files, before)));
  }

  /**
   * What {@code edit} would refuse if it were committed now: the conflicts with the packages listed
   * at this moment, by position in the batch. Writes nothing; a publish checks this before it
   * uploads, so that a refusal leaves the repository as it was.
   *
   * @throws IOException also when the distribution is signed and this publisher has no signer
   */
  SortedMap<Integer, PinrepoException> conflicts(Edit edit) throws IOException {
    Changes changes = new Changes(edit.component());
    checked = DistState.read(storage, settings, layout);
    for (String path : recomputeVerified(checked, edit, changes).keySet()) {
      // Read (and checked) here, before anything is uploaded, for the commit to reuse its members.
      checked.listedBytes(path + ".gz");
    }
    checked.verifyReads();
    return changes.conflicts();
  }

  /**
   * {@link #recompute}, then the wait for the digest checks of the indexes it read; when it fails,
   * a damaged index is reported as such rather than as whatever its bytes made the scan throw.
   */
  private SortedMap<String, byte[]> recomputeVerified(DistState state, Edit edit, Changes changes)
      throws IOException {
    SortedMap<String, byte[]> indexes;
    try {
      indexes = recompute(state, edit, changes);
    } catch (IOException | RuntimeException e) {
      state.verifyReads();
      throw e;
    }
    state.verifyReads();
    return indexes;
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
    SortedSet<IndexId> existing = state.indexes(component);
    SortedMap<String, byte[]> indexes = new TreeMap<>();
    for (IndexId index : new TreeSet<>(edit.touched(distArchs, existing))) {
      boolean exists = existing.contains(index);
      byte[] before = exists ? state.packagesBytes(component, index) : null;
      String where = index.packagesPath(component);
      Optional<PackagesSplice> splice =
          exists && edit.names().isPresent()
              ? state.splice(component, index, edit.names().get())
              : Optional.empty();
      byte[] after;
      if (splice.isPresent()) {
        after = splice.get().splice(edit.apply(index, splice.get().selected(), changes));
      } else {
        List<IndexEntry> base =
            exists
                ? PackagesIndex.parse(before, where)
                : seed(state, component, index.type(), existing);
        after = PackagesIndex.render(edit.apply(index, base, changes));
      }
      if (!Arrays.equals(before, after)) {
        indexes.put(index.packagesPath(component), after);
      }
    }
    if (!indexes.isEmpty()) {
      fillIn(state, component, edit.newTypes(), distArchs, indexes);
    }
    return indexes;
  }

  /**
   * Gives every component an index of ordinary packages for every architecture of the distribution,
   * as apt expects, and one of udebs for every architecture once it has udebs.
   */
  private static void fillIn(
      DistState state,
      String component,
      Set<PackageType> newTypes,
      SortedSet<String> distArchs,
      SortedMap<String, byte[]> indexes)
      throws IOException {
    SortedSet<String> components = new TreeSet<>(state.components());
    components.add(component);
    for (String c : components) {
      SortedSet<IndexId> existing = state.indexes(c);
      Set<PackageType> types = EnumSet.of(PackageType.DEB);
      existing.forEach(index -> types.add(index.type()));
      if (c.equals(component)) {
        types.addAll(newTypes);
      }
      for (PackageType type : types) {
        for (String arch : distArchs) {
          IndexId index = new IndexId(type, arch);
          String path = index.packagesPath(c);
          if (!existing.contains(index) && !indexes.containsKey(path)) {
            indexes.put(path, PackagesIndex.render(seed(state, c, type, existing)));
          }
        }
      }
    }
  }

  /** A new index starts with the component's {@code Architecture: all} packages of its type. */
  private static List<IndexEntry> seed(
      DistState state, String component, PackageType type, SortedSet<IndexId> existing)
      throws IOException {
    Optional<IndexId> first = existing.stream().filter(i -> i.type() == type).findFirst();
    if (first.isEmpty()) {
      return List.of();
    }
    List<IndexEntry> all = new ArrayList<>();
    for (IndexEntry e : state.packages(component, first.get())) {
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
      SupersededIndexes.record(storage, settings, layout, superseded, settings.clock().instant());
    }
  }

  /**
   * The Packages files of the new Release in rendered form: those this commit writes (a splice
   * gives what rendering gives) and those listed as rendered before whose bytes it keeps.
   */
  private static SortedSet<String> rendered(
      DistState state, SortedMap<String, Digests> listed, Set<String> written) {
    SortedSet<String> rendered = new TreeSet<>(written);
    for (String path : state.rendered()) {
      if (Objects.equals(listed.get(path), state.files().get(path))) {
        rendered.add(path);
      }
    }
    return rendered;
  }

  private ReleaseFile release(SortedMap<String, Digests> files, SortedSet<String> rendered) {
    // Truncated to the second: the Date written is never later than the clock.
    Instant now = settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    return new ReleaseFile(
        layout.dist(),
        settings.origin(),
        settings.label(),
        now,
        settings.validFor().map(now::plus),
        files,
        rendered);
  }

  private void putByHash(String path, byte[] content, Digests digests) throws IOException {
    Blobs.put(
        storage,
        layout.byHash(path, digests),
        ContentSource.wrapping(content),
        digests,
        settings.clock());
  }

  /**
   * An index file's bytes as the object its by-hash name holds, so that its legacy path can be a
   * link to that object where the storage can make one.
   */
  private ContentSource stored(String path, byte[] content, Digests digests) {
    return new StoredContent(
        storage, layout.byHash(path, digests), ContentSource.wrapping(content));
  }

  /** The legacy paths of {@code paths}, and Release and Release.gpg when signing. */
  private Set<ObjectKey> legacyKeys(Set<String> paths) {
    Set<ObjectKey> keys = new TreeSet<>();
    paths.forEach(path -> keys.add(layout.file(path)));
    if (settings.signer().isPresent()) {
      keys.add(layout.release());
      keys.add(layout.releaseSignature());
    }
    return keys;
  }

  /** Each index file at its legacy path. */
  private SortedMap<ObjectKey, ContentSource> legacyFiles(
      SortedMap<String, ContentSource> indexFiles) {
    SortedMap<ObjectKey, ContentSource> files = new TreeMap<>();
    indexFiles.forEach((path, content) -> files.put(layout.file(path), content));
    return files;
  }

  /** With a signer, {@code Release} and {@code Release.gpg} follow the committed InRelease. */
  private void addRelease(SortedMap<ObjectKey, ContentSource> files, String text)
      throws IOException {
    if (settings.signer().isEmpty()) {
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    files.put(layout.release(), ContentSource.wrapping(bytes));
    files.put(
        layout.releaseSignature(),
        ContentSource.wrapping(
            settings.signer().get().detachedSignature(new ByteArrayInputStream(bytes))));
  }

  private String releaseTextOf(DistState state) throws IOException {
    String text = new String(state.top().bytes(), StandardCharsets.UTF_8);
    return settings.signer().isPresent()
        ? ClearSigned.content(text, state.top().key().value())
        : text;
  }
}
