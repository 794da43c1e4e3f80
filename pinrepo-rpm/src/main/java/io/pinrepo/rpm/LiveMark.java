package io.pinrepo.rpm;

import io.pinrepo.format.LiveObject;
import io.pinrepo.rpm.repodata.PrimaryReader;
import io.pinrepo.rpm.repodata.RepomdRecord;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one repository path's tops reach, with roles: {@code repomd.xml} and the superseded-metadata
 * record are tops, {@code repomd.xml.asc} is derived, every file repomd.xml lists is a blob with
 * its recorded size and SHA-256, and so is every package primary.xml lists; superseded metadata
 * still within its retention, and the packages a superseded primary.xml names, are blobs too.
 * Reports each key once.
 */
final class LiveMark {
  private final Storage storage;
  private final Settings settings;
  private final Consumer<LiveObject> live;
  private final Set<ObjectKey> reported = new HashSet<>();

  LiveMark(Storage storage, Settings settings, Consumer<LiveObject> live) {
    this.storage = storage;
    this.settings = settings;
    this.live = live;
  }

  void record() {
    report(LiveObject.top(PathRecord.KEY));
  }

  void path(RepoPath path) throws IOException {
    PathState state = PathState.read(storage, settings, path);
    if (state.top().exists()) {
      report(LiveObject.top(path.repomd()));
      if (state.signature().isPresent()) {
        report(LiveObject.derived(path.signature()));
      }
      for (RepomdRecord r : state.repomd().orElseThrow().records()) {
        report(LiveObject.blob(path.key(r.location()), r.size(), r.checksum()));
      }
      state.summaries(
          s -> report(LiveObject.blob(path.key(s.location()), s.packageSize(), s.pkgId())));
    }
    if (storage.stat(path.superseded()).isPresent()) {
      report(LiveObject.top(path.superseded()));
      for (SupersededMetadata.Entry e : SupersededMetadata.read(storage, path)) {
        if (e.until().isAfter(settings.clock().instant())) {
          report(LiveObject.blob(path.key(e.location()), e.size(), e.sha256()));
          if (e.type().equals("primary")) {
            superseded(path, e);
          }
        }
      }
    }
  }

  /** The packages a superseded primary.xml names, unless it is gone already. */
  private void superseded(RepoPath path, SupersededMetadata.Entry e) throws IOException {
    RepomdRecord record = new RepomdRecord(e.type(), e.location(), e.sha256(), "", 0, e.size(), -1);
    try (Document primary = Document.open(storage, path, record, settings.maxMetadataBytes())) {
      PrimaryReader reader = PrimaryReader.open(e.location(), primary.content());
      for (var s = reader.next(); s.isPresent(); s = reader.next()) {
        report(
            LiveObject.blob(path.key(s.get().location()), s.get().packageSize(), s.get().pkgId()));
      }
    } catch (ObjectNotFoundException gone) {
      // collected already: nothing of it to keep
    }
  }

  private void report(LiveObject object) {
    if (reported.add(object.key())) {
      live.accept(object);
    }
  }
}
