package io.pinrepo.maven;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.commit.Top;
import io.pinrepo.maven.FileUploads.Upload;
import io.pinrepo.maven.metadata.MavenMetadata;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of one release deploy (step 1 of the publish protocol for a release): checked against
 * the repository before anything is written, then each absent one created as a blob, then their
 * sidecars and signatures. A release never changes, so a file there with other bytes refuses the
 * deploy: up front, or, when a concurrent deploy of the same release wrote it meanwhile, midway,
 * and then the files this deploy created are deleted again, so that the refusal leaves the
 * repository as the other deploy made it.
 *
 * <p>A file this deploy created is deleted only in the version it created (a concurrent deploy that
 * wrote it again keeps it) and only while the artifact's metadata does not list the version (a
 * concurrent deploy that used it has committed). What stays open is a concurrent deploy that found
 * the file, has not committed yet and never writes it again: it commits a version whose file this
 * deploy has just deleted, and {@code pinrepo verify} reports it. That takes two deploys of one
 * release with partly identical, partly other bytes at the same moment.
 */
final class ReleaseFiles {

  /**
   * A release's files and what checking them found.
   *
   * @param uploads the artifacts and then the POM
   * @param present those there already with the same bytes
   * @param conflicts by the file as the user named it, those there with other bytes
   */
  record Checked(
      List<Upload> uploads,
      Set<ObjectKey> present,
      Map<String, PackageConflictException> conflicts) {}

  private final Storage storage;
  private final FileUploads uploads;

  ReleaseFiles(Storage storage, FileUploads uploads) {
    this.storage = storage;
    this.uploads = uploads;
  }

  /** Looks at every file of {@code deploy} in the repository; writes nothing. */
  Checked check(Coordinates c, CheckedDeploy deploy) throws IOException {
    List<Upload> files = new ArrayList<>();
    for (CheckedDeploy.File f : deploy.files()) {
      ObjectKey key = Layout.file(c, c.version(), f.classifier(), f.extension());
      files.add(new Upload(key, f.content(), f.digests(), f.source()));
    }
    FileUploads.ReleaseCheck found = uploads.checkRelease(files);
    return new Checked(files, found.present(), found.conflicts());
  }

  /**
   * Creates the files that were absent at the check, then writes every file's sidecars and
   * signature.
   *
   * @throws PackageConflictException when a concurrent deploy wrote other bytes under one file
   * @throws RefusedBatchException when it did so under several
   */
  void put(Coordinates c, Checked checked) throws IOException {
    Map<ObjectKey, String> created = new LinkedHashMap<>();
    List<PinrepoException> raced = new ArrayList<>();
    for (Upload u : checked.uploads()) {
      if (checked.present().contains(u.key())) {
        continue;
      }
      if (!raced.isEmpty()) {
        uploads.conflictNow(u).ifPresent(raced::add); // name them all, write no more
        continue;
      }
      try {
        uploads.create(u).ifPresent(info -> created.put(u.key(), info.versionToken()));
      } catch (PackageConflictException e) {
        raced.add(e);
      }
    }
    if (!raced.isEmpty()) {
      PinrepoException refusal = RefusedBatchException.refusal(raced);
      if (!versionListed(c)) {
        uploads.deleteCreated(created, refusal);
      }
      throw refusal;
    }
    for (Upload u : checked.uploads()) {
      uploads.completeRelease(u);
    }
  }

  private boolean versionListed(Coordinates c) throws IOException, MalformedPackageException {
    ObjectKey key = Layout.artifactMetadata(c);
    Top top = Top.read(storage, key, Sidecars.MAX_TOP_BYTES);
    return top.exists()
        && MavenMetadata.parse(key.value(), top.bytes())
            .versioning()
            .versions()
            .contains(c.version());
  }
}
