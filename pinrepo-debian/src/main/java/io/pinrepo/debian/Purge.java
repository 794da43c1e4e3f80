package io.pinrepo.debian;

import io.pinrepo.format.ChangeReport;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Takes packages out of a distribution's component and their pool files out of the repository now,
 * instead of after the by-hash retention and GC's grace period: removes them from the indexes,
 * drops the distribution's records of superseded indexes that list their files, and deletes each
 * file that no index of any distribution lists any more (current, or superseded and still within
 * its retention), on condition that it is still the version looked at.
 *
 * <p>Unlike a publish or GC it is not safe against a concurrent publisher of the same file: one
 * that finds the file already in the pool and commits after the check would list a deleted file. It
 * is meant for taking back what should not have been published; run it when nobody publishes that
 * package. Finding where a file is still listed reads every distribution's indexes.
 */
final class Purge {
  private final Storage storage;
  private final Settings settings;
  private final DistLayout layout;

  Purge(Storage storage, Settings settings, DistLayout layout) {
    this.storage = storage;
    this.settings = settings;
    this.layout = layout;
  }

  PurgeReport run(String component, PackageSelector selector) throws IOException {
    ChangeReport<PackageRef> removal =
        new DistCommit(storage, settings, layout.dist()).run(new RemoveEdit(component, selector));
    SortedMap<String, PackageRef> purged = new TreeMap<>();
    removal.removed().forEach(r -> purged.put(r.file().value(), r));
    for (SupersededIndexes.Entry e : SupersededIndexes.read(storage, layout)) {
      boolean ofComponent =
          IndexId.locate(e.path())
              .filter(l -> l.component().equals(component) && l.fileName().equals("Packages"))
              .isPresent();
      if (ofComponent) {
        for (IndexEntry x : entries(layout, e)) {
          if (selector.matches(x)) {
            purged.putIfAbsent(x.filename(), x.ref(component));
          }
        }
      }
    }
    Set<String> files = purged.keySet();
    Set<String> dropped = new HashSet<>();
    for (SupersededIndexes.Entry e : SupersededIndexes.read(storage, layout)) {
      if (entries(layout, e).stream().anyMatch(x -> files.contains(x.filename()))) {
        dropped.add(e.line());
      }
    }
    if (!dropped.isEmpty()) {
      SupersededIndexes.drop(storage, settings, layout, e -> dropped.contains(e.line()));
    }
    List<ObjectKey> deleted = new ArrayList<>();
    List<ObjectKey> kept = new ArrayList<>();
    Set<String> listed = listedAnywhere(files);
    for (String file : files) {
      ObjectKey key = ObjectKey.of(file);
      Optional<ObjectInfo> info = storage.stat(key);
      if (listed.contains(file)) {
        kept.add(key);
      } else if (info.isPresent()) {
        try {
          storage.delete(key, WriteCondition.matches(info.get().versionToken()));
          deleted.add(key);
        } catch (PreconditionFailedException changed) {
          kept.add(key);
        }
      }
    }
    return new PurgeReport(removal, List.copyOf(purged.values()), deleted, kept);
  }

  /** Which of {@code files} an index of any distribution lists, current or still retained. */
  private Set<String> listedAnywhere(Set<String> files) throws IOException {
    Set<String> listed = new TreeSet<>();
    Instant now = settings.clock().instant();
    for (String dist : AptFormat.distributions(storage)) {
      DistLayout other = new DistLayout(dist);
      DistState state = DistState.readLatest(storage, settings, other);
      for (var file : state.files().entrySet()) {
        if (file.getKey().endsWith("/Packages")) {
          byte[] bytes =
              DistState.readByHash(storage, settings, other, file.getKey(), file.getValue());
          collect(PackagesIndex.parse(bytes, file.getKey()), files, listed);
        }
      }
      for (SupersededIndexes.Entry e : SupersededIndexes.read(storage, other)) {
        if (e.until().isAfter(now) && e.path().endsWith("/Packages")) {
          collect(entries(other, e), files, listed);
        }
      }
    }
    return listed;
  }

  private static void collect(List<IndexEntry> entries, Set<String> files, Set<String> listed) {
    entries.stream().map(IndexEntry::filename).filter(files::contains).forEach(listed::add);
  }

  /** The entries a superseded index file lists, uncompressed; none when it is gone. */
  private List<IndexEntry> entries(DistLayout where, SupersededIndexes.Entry e) throws IOException {
    byte[] bytes;
    try {
      bytes = DistState.readByHash(storage, settings, where, e.path(), e.digests());
    } catch (ObjectNotFoundException gone) {
      return List.of();
    }
    String name = e.path().substring(e.path().lastIndexOf('/') + 1);
    if (!name.equals("Packages")) {
      bytes = uncompressed(name, bytes, e.path());
    }
    return PackagesIndex.parse(bytes, e.path());
  }

  private byte[] uncompressed(String name, byte[] bytes, String where) throws IOException {
    InputStream raw = new ByteArrayInputStream(bytes);
    try (InputStream in =
        name.endsWith(".gz")
            ? new GZIPInputStream(raw)
            : name.endsWith(".xz") ? new XZInputStream(raw) : raw) {
      byte[] out = in.readNBytes(settings.maxIndexBytes() + 1);
      if (out.length > settings.maxIndexBytes()) {
        throw new IOException(where + " expands past the index size limit");
      }
      return out;
    }
  }
}
