package io.pinrepo.build;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one build line holds, from one walk of the listing: its markers newest first, its
 * pointers and history entries, and the keys of each version. Memory is bounded by one name's
 * objects, never the repository's.
 */
final class NameGroup {

  /** What one version holds. */
  static final class Version {
    boolean hasManifest;
    final List<ObjectKey> keys = new ArrayList<>();
  }

  final BuildName name;
  final List<BuildLayout.MarkerKey> markers = new ArrayList<>();
  final List<PointerName> pointers = new ArrayList<>();
  final List<ObjectKey> pointerObjects = new ArrayList<>();
  final Map<BuildVersion, Version> versions = new LinkedHashMap<>();

  private NameGroup(BuildName name) {
    this.name = name;
  }

  /** Receives one name's objects. */
  @FunctionalInterface
  interface Handler {
    void handle(NameGroup group) throws IOException;
  }

  /** Walks everything under {@link BuildLayout#PREFIX}, one name at a time, in key order. */
  static void walk(Storage storage, Handler handler) throws IOException {
    NameGroup group = null;
    try (ObjectListing listing = storage.list(BuildLayout.PREFIX)) {
      while (listing.hasNext()) {
        ObjectInfo info = listing.next();
        var key = BuildLayout.parse(info.key());
        if (key.isEmpty()) {
          continue; // not ours: neither live nor checked
        }
        BuildName name = key.get().name();
        if (group == null || !group.name.equals(name)) {
          if (group != null) {
            handler.handle(group);
          }
          group = new NameGroup(name);
        }
        group.add(key.get(), info.key());
      }
    }
    if (group != null) {
      handler.handle(group);
    }
  }

  private void add(BuildLayout.Key key, ObjectKey objectKey) {
    if (key instanceof BuildLayout.MarkerKey m) {
      markers.add(m);
    } else if (key instanceof BuildLayout.PointerKey p) {
      pointers.add(p.pointer());
      pointerObjects.add(objectKey);
    } else if (key instanceof BuildLayout.HistoryKey) {
      pointerObjects.add(objectKey);
    } else if (key instanceof BuildLayout.ManifestKey m) {
      version(m.version()).hasManifest = true;
    } else if (key instanceof BuildLayout.FileKey f) {
      version(f.version()).keys.add(objectKey);
    }
  }

  private Version version(BuildVersion v) {
    return versions.computeIfAbsent(v, x -> new Version());
  }
}
