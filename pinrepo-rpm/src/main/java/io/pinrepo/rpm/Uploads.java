package io.pinrepo.rpm;

import io.pinrepo.PackageConflictException;
import io.pinrepo.commit.Blobs;
import io.pinrepo.rpm.header.RpmPackage;
import io.pinrepo.rpm.repodata.PackageEntry;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step 1 of the protocol for one path: uploads package files as write-once blobs and remembers
 * which this call created, so that a commit a race refuses can take back exactly those.
 */
final class Uploads {

  /**
   * A package file read and checked.
   *
   * @param source the file as the caller named it
   * @param file where it is
   * @param pkg what it is
   */
  record Read(String source, Path file, RpmPackage pkg) {}

  private final Storage storage;
  private final Settings settings;
  private final RepoPath path;
  private final List<PublishEdit.Incoming> incoming = new ArrayList<>();
  private final List<ObjectKey> created = new ArrayList<>();

  Uploads(Storage storage, Settings settings, RepoPath path) {
    this.storage = storage;
    this.settings = settings;
    this.path = path;
  }

  /**
   * The entries of {@code reads} at their usual locations, for the check before uploading.
   *
   * @param fileTime the time recorded for each file, in seconds since the epoch
   */
  static List<PublishEdit.Incoming> planned(List<Read> reads, long fileTime) {
    return reads.stream()
        .map(r -> new PublishEdit.Incoming(r.source(), entry(r, false, fileTime)))
        .toList();
  }

  /**
   * Uploads each package under {@code Packages/<letter>/}, or under its alternate location when
   * that name holds other bytes.
   */
  void upload(List<Read> reads, long fileTime) throws IOException {
    for (Read r : reads) {
      PackageEntry entry = entry(r, false, fileTime);
      ContentSource content = ContentSource.ofPath(r.file());
      Blobs.Outcome outcome;
      try {
        outcome = Blobs.put(storage, key(entry), content, r.pkg().digests(), settings.clock());
      } catch (PackageConflictException taken) {
        entry = entry(r, true, fileTime);
        outcome = Blobs.put(storage, key(entry), content, r.pkg().digests(), settings.clock());
      }
      if (outcome == Blobs.Outcome.WRITTEN) {
        created.add(key(entry));
      }
      incoming.add(new PublishEdit.Incoming(r.source(), entry));
    }
  }

  /** What was uploaded, at the locations used. */
  List<PublishEdit.Incoming> incoming() {
    return List.copyOf(incoming);
  }

  /**
   * After a refused commit: deletes the files this call created that the current primary.xml does
   * not list, each on condition that it is still the version seen. Failures are added to {@code
   * refusal}.
   */
  void takeBack(Exception refusal) {
    try {
      Set<String> listed = new HashSet<>();
      PathState.read(storage, settings, path).summaries(s -> listed.add(s.location()));
      for (ObjectKey key : created) {
        Optional<ObjectInfo> info = storage.stat(key);
        if (info.isPresent() && !listed.contains(path.relative(key))) {
          storage.delete(key, WriteCondition.matches(info.get().versionToken()));
        }
      }
    } catch (IOException | RuntimeException e) {
      refusal.addSuppressed(e);
    }
  }

  private ObjectKey key(PackageEntry entry) {
    return path.key(entry.location());
  }

  private static PackageEntry entry(Read r, boolean alternate, long fileTime) {
    String fileName = r.pkg().nevra().fileName();
    String location = RepoPath.location(fileName, r.pkg().digests().sha256(), alternate);
    return PackageEntry.of(r.pkg(), location, fileTime);
  }
}
