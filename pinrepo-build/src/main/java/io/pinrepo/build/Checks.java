package io.pinrepo.build;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.FileEntry;
import io.pinrepo.build.manifest.StoredManifest;
import io.pinrepo.build.pointer.PointerChange;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.build.pointer.PointerState;
import io.pinrepo.commit.Blobs;
import io.pinrepo.format.Problem;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Verification of build lines: every manifest parses and every file it lists is there with the
 * listed size and SHA-256; every listing marker names a complete build published at the marker's
 * time; every pointer names a complete build whose manifest is the one it was set to; every
 * pointer's history is complete and chained (each change starts where the one before ended). Files
 * of a version without a manifest are not a problem: a publish in progress, or one that died and
 * that GC will remove.
 */
final class Checks {

  private final Storage storage;
  private final ManifestStore store;
  private final Pointers pointers;
  private final Consumer<Problem> problems;

  Checks(Storage storage, Settings settings, Consumer<Problem> problems) {
    this.storage = storage;
    this.store = new ManifestStore(storage, settings.clock());
    this.pointers = new Pointers(storage, settings, store);
    this.problems = problems;
  }

  void run() throws IOException {
    NameGroup.walk(storage, this::check);
  }

  private void check(NameGroup group) throws IOException {
    Map<BuildVersion, StoredManifest> manifests = new HashMap<>();
    for (var entry : group.versions.entrySet()) {
      if (entry.getValue().hasManifest) {
        manifest(group.name, entry.getKey()).ifPresent(m -> manifests.put(entry.getKey(), m));
      }
    }
    for (StoredManifest m : manifests.values()) {
      for (FileEntry f : m.manifest().files()) {
        checkFile(BuildLayout.file(group.name, m.manifest().version(), f.path()), f);
      }
    }
    for (BuildLayout.MarkerKey marker : group.markers) {
      ObjectKey key = BuildLayout.marker(group.name, marker.time(), marker.version());
      StoredManifest m = manifests.get(marker.version());
      if (m == null) {
        problem(key, "lists " + marker.version() + ", which has no readable manifest");
      } else if (!m.manifest().time().equals(marker.time())) {
        problem(key, "time differs from the manifest's " + m.manifest().time());
      }
    }
    for (PointerName p : group.pointers) {
      checkPointer(group.name, p, manifests);
    }
  }

  private Optional<StoredManifest> manifest(BuildName name, BuildVersion version)
      throws IOException {
    try {
      return store.read(name, version).map(ManifestStore.Read::stored);
    } catch (MalformedPackageException e) {
      problem(BuildLayout.manifest(name, version), e.problem());
      return Optional.empty();
    }
  }

  private void checkFile(ObjectKey key, FileEntry f) throws IOException {
    Digests actual;
    try {
      actual = Blobs.digestsOf(storage, key);
    } catch (ObjectNotFoundException e) {
      problem(key, "listed in its manifest but missing");
      return;
    }
    if (actual.size() != f.size()) {
      problem(key, "size " + actual.size() + ", listed as " + f.size());
    } else if (!actual.sha256().equals(f.sha256())) {
      problem(key, "sha256 " + actual.sha256() + ", listed as " + f.sha256());
    }
  }

  private void checkPointer(
      BuildName name, PointerName p, Map<BuildVersion, StoredManifest> manifests)
      throws IOException {
    ObjectKey key = BuildLayout.pointer(name, p);
    Optional<PointerState> state;
    List<PointerChange> history;
    try {
      state = pointers.read(name, p);
      history = pointers.history(name, p, Integer.MAX_VALUE);
    } catch (MalformedPackageException e) {
      problem(ObjectKey.of(e.source()), e.problem());
      return;
    }
    if (state.isEmpty()) {
      return; // removed by hand since the listing: nothing left to check
    }
    StoredManifest m = manifests.get(state.get().version());
    if (m == null) {
      problem(key, "names " + state.get().version() + ", which is not a complete build");
    } else if (!m.sha256().equals(state.get().lastChange().manifestSha256())) {
      problem(
          key,
          "was set to a manifest with sha256 "
              + state.get().lastChange().manifestSha256()
              + ", which is now "
              + m.sha256());
    }
    // A complete history walks n, n-1, ..., 1, each change starting where the one before ended.
    long seq = state.get().seq();
    for (int i = 0; i < history.size(); i++, seq--) {
      PointerChange c = history.get(i);
      if (c.seq() != seq) {
        problem(BuildLayout.historyEntry(name, p, seq), "history entry missing");
        return;
      }
      boolean last = i + 1 == history.size();
      if ((last && seq > 1) || (!last && history.get(i + 1).seq() != seq - 1)) {
        continue; // a gap: reported in the next round or below
      }
      Optional<BuildVersion> before =
          last ? Optional.empty() : Optional.of(history.get(i + 1).to());
      if (!c.from().equals(before)) {
        problem(
            BuildLayout.historyEntry(name, p, c.seq()),
            "starts at "
                + c.from().map(BuildVersion::value).orElse("nothing")
                + ", but the change before ended at "
                + before.map(BuildVersion::value).orElse("nothing"));
      }
    }
    long oldest = state.get().seq() - history.size() + 1;
    if (oldest > 1) {
      problem(BuildLayout.historyEntry(name, p, oldest - 1), "history entry missing");
    }
  }

  private void problem(ObjectKey key, String description) {
    problems.accept(new Problem(BuildFormat.NAME, key, description));
  }
}
