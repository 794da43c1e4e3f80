package io.pinrepo.build.format;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.build.BuildLayout;
import io.pinrepo.build.BuildRepository;
import io.pinrepo.build.BuildVersion;
import io.pinrepo.build.FileEntry;
import io.pinrepo.build.PointerName;
import io.pinrepo.build.StoredManifest;
import io.pinrepo.build.pointer.Pointers;
import io.pinrepo.commit.RetryPolicy;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides what GC keeps of each build line. Roots are the builds the retention keeps and the
 * versions each pointer names now or in its recent history. Of a root build the manifest, marker
 * and listed files are live; of a complete build that is not a root, only its files stay live, so
 * GC removes its marker and manifest first and its files on a later run, once no manifest names
 * them: a reader never finds a manifest whose files are gone. A root version without a manifest (a
 * pointer set an instant before GC removed the manifest) keeps everything it has, so publishing it
 * again restores it. Pointers and history entries are always live.
 */
final class LiveMarking {

  private final Storage storage;
  private final BuildRetention retention;
  private final HistoryRoots history;
  private final BuildRepository builds;
  private final Pointers pointers;

  LiveMarking(Storage storage, BuildRetention retention, HistoryRoots history, Clock clock) {
    this.storage = storage;
    this.retention = retention;
    this.history = history;
    this.builds = BuildRepository.on(storage, clock);
    this.pointers = Pointers.on(storage, clock, RetryPolicy.DEFAULT);
  }

  void mark(Consumer<LiveObject> live) throws IOException {
    NameGroup.walk(storage, group -> mark(group, live));
  }

  private void mark(NameGroup group, Consumer<LiveObject> live) throws IOException {
    for (ObjectKey key : group.pointerObjects) {
      boolean top = BuildLayout.parse(key).orElseThrow() instanceof BuildLayout.PointerKey;
      live.accept(LiveObject.of(key, top ? LiveObject.Kind.POINTER : LiveObject.Kind.HISTORY));
    }
    Set<BuildVersion> roots = roots(group);
    boolean keepAll = retention instanceof BuildRetention.KeepAll;
    for (BuildLayout.MarkerKey m : group.markers) {
      if (keepAll || roots.contains(m.version())) {
        live.accept(
            LiveObject.of(
                BuildLayout.marker(group.name, m.time(), m.version()), LiveObject.Kind.MARKER));
      }
    }
    for (var entry : group.versions.entrySet()) {
      BuildVersion version = entry.getKey();
      NameGroup.Version v = entry.getValue();
      boolean root = roots.contains(version) || (keepAll && v.hasManifest);
      Optional<StoredManifest> manifest = Optional.empty();
      if (v.hasManifest) {
        try {
          manifest = builds.read(group.name, version);
        } catch (MalformedPackageException e) {
          root = true; // keep what we cannot read; verify reports it
        }
      }
      if (manifest.isEmpty()) {
        if (root) {
          v.keys.forEach(k -> live.accept(LiveObject.of(k, LiveObject.Kind.FILE)));
          if (v.hasManifest) {
            live.accept(
                LiveObject.of(BuildLayout.manifest(group.name, version), LiveObject.Kind.MANIFEST));
          }
        }
        continue;
      }
      if (root) {
        live.accept(
            LiveObject.of(BuildLayout.manifest(group.name, version), LiveObject.Kind.MANIFEST));
      }
      for (FileEntry f : manifest.get().manifest().files()) {
        live.accept(
            new LiveObject(
                BuildLayout.file(group.name, version, f.path()),
                LiveObject.Kind.FILE,
                OptionalLong.of(f.size()),
                Optional.of(f.sha256())));
      }
    }
  }

  private Set<BuildVersion> roots(NameGroup group) throws IOException {
    Set<BuildVersion> roots = new HashSet<>();
    if (retention instanceof BuildRetention.KeepNewest keep) {
      for (BuildLayout.MarkerKey m : group.markers) {
        if (roots.size() == keep.count()) {
          break;
        }
        roots.add(m.version());
      }
    }
    for (PointerName p : group.pointers) {
      roots.addAll(pointers.recentVersions(group.name, p, history.count(), history.period()));
    }
    return roots;
  }
}
