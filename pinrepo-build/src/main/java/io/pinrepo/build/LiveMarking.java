package io.pinrepo.build;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.FileEntry;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.format.LiveObject;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides what GC keeps of each build line, and in what role (see {@link BuildFormat}). Roots are
 * the listed builds (those with a listing marker) and the versions each pointer names now or in its
 * recent history. Of a root build the manifest and listed files are live; of a complete build that
 * is not a root, only its files stay live, so GC removes its manifest first and its files on a
 * later run, once no manifest names them: a reader never finds a manifest whose files are gone. A
 * root version without a manifest (a pointer set an instant before GC removed the manifest) keeps
 * everything it has, so publishing it again restores it. Pointers, their history and the listing
 * markers are always live.
 */
final class LiveMarking {

  private final Storage storage;
  private final ManifestStore store;
  private final Pointers pointers;

  LiveMarking(Storage storage, Settings settings) {
    this.storage = storage;
    this.store = new ManifestStore(storage, settings.clock());
    this.pointers = new Pointers(storage, settings, store);
  }

  void mark(Consumer<LiveObject> live) throws IOException {
    NameGroup.walk(storage, group -> mark(group, live));
  }

  private void mark(NameGroup group, Consumer<LiveObject> live) throws IOException {
    for (ObjectKey key : group.pointerObjects) {
      boolean top = BuildLayout.parse(key).orElseThrow() instanceof BuildLayout.PointerKey;
      live.accept(top ? LiveObject.top(key) : LiveObject.derived(key));
    }
    Set<BuildVersion> roots = new HashSet<>();
    for (BuildLayout.MarkerKey m : group.markers) {
      live.accept(LiveObject.top(BuildLayout.marker(group.name, m.time(), m.version())));
      roots.add(m.version());
    }
    for (PointerName p : group.pointers) {
      roots.addAll(pointers.recentVersions(group.name, p));
    }
    for (var entry : group.versions.entrySet()) {
      mark(group, entry.getKey(), entry.getValue(), roots.contains(entry.getKey()), live);
    }
  }

  private void mark(
      NameGroup group,
      BuildVersion version,
      NameGroup.Version v,
      boolean root,
      Consumer<LiveObject> live)
      throws IOException {
    ObjectKey manifestKey = BuildLayout.manifest(group.name, version);
    Optional<ManifestStore.Read> manifest = Optional.empty();
    if (v.hasManifest) {
      try {
        manifest = store.read(group.name, version);
      } catch (MalformedPackageException e) {
        root = true; // keep what we cannot read; verify reports it
      }
    }
    if (manifest.isEmpty()) {
      if (root) {
        v.keys.forEach(k -> live.accept(LiveObject.blob(k)));
        if (v.hasManifest) {
          live.accept(LiveObject.derived(manifestKey));
        }
      }
      return;
    }
    if (root) {
      live.accept(LiveObject.derived(manifestKey));
    }
    for (FileEntry f : manifest.get().manifest().files()) {
      live.accept(
          LiveObject.blob(BuildLayout.file(group.name, version, f.path()), f.size(), f.sha256()));
    }
  }
}
