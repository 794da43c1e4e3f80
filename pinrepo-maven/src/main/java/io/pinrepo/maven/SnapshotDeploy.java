package io.pinrepo.maven;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.commit.DerivedFiles;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.Settlement;
import io.pinrepo.commit.Top;
import io.pinrepo.hash.Digests;
import io.pinrepo.maven.FileUploads.Upload;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.maven.metadata.SnapshotBuild;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One deploy of a snapshot version: picks the next build number, uploads the build's timestamped
 * files under names that must be new, then commits the version-level metadata conditionally on the
 * version it read. The metadata commit decides who owns a build number: a deploy that loses the
 * race re-reads the metadata and, if its number was taken, deletes what it uploaded and uploads
 * again under the next free number. So two deploys never share a build number, and every build
 * reported deployed is the one the metadata names.
 */
final class SnapshotDeploy {

  /** One file of the build: its kind, its bytes, the file as the user named it, its digests. */
  record Part(
      String classifier, String extension, ContentSource content, String source, Digests digests) {}

  /** The outcome: the build committed, and how its metadata's sidecars ended. */
  record Outcome(SnapshotBuild build, Settlement sidecars) {}

  private final Storage storage;
  private final FileUploads uploads;
  private final OptimisticCommit commit;
  private final Clock clock;
  private final int keepBuilds;
  private final Sidecars sidecars;

  SnapshotDeploy(
      Storage storage, FileUploads uploads, OptimisticCommit commit, Clock clock, int keepBuilds) {
    this.storage = storage;
    this.uploads = uploads;
    this.commit = commit;
    this.clock = clock;
    this.keepBuilds = keepBuilds;
    this.sidecars = new Sidecars(storage);
  }

  Outcome deploy(Coordinates c, List<Part> parts) throws IOException {
    ObjectKey metadataKey = Layout.versionMetadata(c);
    Attempts state = new Attempts();
    OptimisticCommit.Operation operation = commit.start(metadataKey.value());
    DerivedFiles derived;
    try {
      derived = operation.commit(() -> attempt(c, parts, metadataKey, state));
    } catch (IOException | RuntimeException e) {
      try {
        uploads.discard(state.written);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    Settlement settled = operation.settle(storage, derived);
    return new Outcome(state.build, settled);
  }

  /**
   * Deletes the files of builds older than the newest {@code keepBuilds}, once the metadata no
   * longer keeps them.
   *
   * @return the POMs and artifacts deleted (their sidecars and signatures went with them)
   */
  List<ArtifactRef> expire(Coordinates c, SnapshotBuild newest) throws IOException {
    int oldestKept = newest.buildNumber() - keepBuilds + 1;
    if (keepBuilds <= 0 || oldestKept <= 1) {
      return List.of();
    }
    String base = c.version().substring(0, c.version().length() - "-SNAPSHOT".length());
    String prefix = Layout.versionDir(c).value() + "/" + c.artifactId() + "-" + base + "-";
    Pattern build = Pattern.compile("\\d{8}\\.\\d{6}-(\\d{1,9})([-.].*)");
    List<ObjectKey> old = new ArrayList<>();
    try (ObjectListing listing = storage.list(prefix)) {
      while (listing.hasNext()) {
        ObjectKey key = listing.next().key();
        Matcher m = build.matcher(key.value().substring(prefix.length()));
        if (m.matches() && Integer.parseInt(m.group(1)) < oldestKept) {
          old.add(key);
        }
      }
    }
    List<ArtifactRef> removed = new ArrayList<>();
    for (ObjectKey key : old) {
      storage.delete(key, WriteCondition.none());
      SnapshotFiles.parse(key).flatMap(f -> artifact(c, f)).ifPresent(removed::add);
    }
    return removed;
  }

  /** The POM or artifact {@code file} is, when it is not a sidecar or signature. */
  private static Optional<ArtifactRef> artifact(Coordinates c, SnapshotFiles.BuildFile file) {
    String name = file.key().fileName();
    if (name.endsWith(".asc") || MavenVerifier.isSidecar(name)) {
      return Optional.empty();
    }
    try {
      Coordinates built = new Coordinates(c.groupId(), c.artifactId(), file.fileVersion());
      ArtifactFile kind = ArtifactFile.fromFileName(built, name, ContentSource.ofUtf8(""));
      return Optional.of(
          new ArtifactRef(
              c, kind.classifier(), kind.extension(), file.fileVersion(), file.buildNumber()));
    } catch (MalformedPackageException | IllegalArgumentException e) {
      return Optional.empty(); // named like a build's file, but no artifact of one
    }
  }

  private DerivedFiles attempt(
      Coordinates c, List<Part> parts, ObjectKey metadataKey, Attempts state) throws IOException {
    // Read before the metadata, so the sidecar writes after its commit lose to a newer deploy's.
    Sidecars.Seen seen = sidecars.seen(metadataKey);
    Top top = Top.read(storage, metadataKey, Sidecars.MAX_TOP_BYTES);
    MavenMetadata current =
        top.exists() ? MavenMetadata.parse(metadataKey.value(), top.bytes()) : MavenMetadata.EMPTY;
    int committed = current.buildNumber();
    if (state.build == null || state.build.buildNumber() <= committed) {
      uploads.discard(state.written);
      state.build = SnapshotBuild.of(clock.instant(), committed + 1);
      upload(c, parts, state);
    }
    Set<String> kinds = new LinkedHashSet<>();
    parts.forEach(p -> kinds.add(p.classifier() + ":" + p.extension()));
    MavenMetadata next =
        current.withSnapshotBuild(
            c.groupId(), c.artifactId(), c.version(), state.build, kinds, keepBuilds);
    byte[] bytes = next.toXml();
    ObjectInfo info = top.replace(storage, bytes);
    state.written.clear();
    return seen.all(info.versionToken(), bytes);
  }

  private void upload(Coordinates c, List<Part> parts, Attempts state) throws IOException {
    String fileVersion = state.build.fileVersion(c.version());
    for (Part p : parts) {
      ObjectKey key = Layout.file(c, fileVersion, p.classifier(), p.extension());
      try {
        uploads.putFresh(new Upload(key, p.content(), p.digests(), p.source()), state.written);
      } catch (PreconditionFailedException taken) {
        // Another deploy uploads the same build number in the same second. Back off and read
        // again: once it commits, the next number is free; if it never does, the clock moves on.
        uploads.discard(state.written);
        state.build = null;
        throw taken;
      }
    }
  }

  /** What survives from one attempt to the next: the build uploaded and not yet committed. */
  private static final class Attempts {
    SnapshotBuild build;
    final List<ObjectKey> written = new ArrayList<>();
  }
}
