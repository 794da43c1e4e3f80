package io.pinrepo.maven;

import io.pinrepo.PackageConflictException;
import io.pinrepo.PinrepoException;
import io.pinrepo.RefusedBatchException;
import io.pinrepo.commit.Blobs;
import io.pinrepo.hash.Digests;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the files of a GAV (step 1 of the publish protocol): each file, then its sidecars, then
 * its {@code .asc} and the sidecars of that. Files are blobs: a release file is written once
 * (identical bytes again are a no-op); a snapshot build's file must be new.
 */
final class FileUploads {

  /** A file to write: where, what, and its digests computed once. */
  record Upload(ObjectKey key, ContentSource content, Digests digests) {}

  private final Storage storage;
  private final Optional<Signer> signer;
  private final Sidecars sidecars;

  FileUploads(Storage storage, Optional<Signer> signer) {
    this.storage = storage;
    this.signer = signer;
    this.sidecars = new Sidecars(storage);
  }

  static Digests digest(ContentSource content) throws IOException {
    try (InputStream in = content.open()) {
      return Digests.of(in);
    }
  }

  /**
   * Refuses, before anything is written, a release whose files exist with other bytes.
   *
   * @return the keys of the files that exist already with the same bytes
   * @throws PackageConflictException naming the file, when one differs
   * @throws RefusedBatchException naming every file that differs, when several do
   */
  Set<ObjectKey> checkRelease(List<Upload> uploads) throws IOException {
    Set<ObjectKey> present = new HashSet<>();
    List<PinrepoException> conflicts = new ArrayList<>();
    for (Upload u : uploads) {
      if (storage.stat(u.key()).isEmpty()) {
        continue;
      }
      Digests existing = Blobs.digestsOf(storage, u.key());
      if (existing.sha256().equals(u.digests().sha256())) {
        present.add(u.key());
        continue;
      }
      conflicts.add(
          new PackageConflictException(
              u.key()
                  + " is already deployed with other content (sha256 "
                  + existing.sha256()
                  + ", not "
                  + u.digests().sha256()
                  + "); a release cannot change"));
    }
    if (!conflicts.isEmpty()) {
      throw RefusedBatchException.refusal(conflicts);
    }
    return present;
  }

  /**
   * Writes a release file (or finds it identical) with its sidecars and signature; {@code checked}
   * says it was found identical already, so only what belongs beside it is completed.
   */
  void putRelease(Upload u, boolean checked) throws IOException {
    if (!checked) {
      Blobs.put(storage, u.key(), u.content(), u.digests());
    }
    finish(u);
  }

  /**
   * Writes a snapshot build's file under a name nobody has used, with its sidecars and signature,
   * recording every key written into {@code written}.
   *
   * @throws PreconditionFailedException when the name is taken: another deploy chose the same build
   */
  void putFresh(Upload u, List<ObjectKey> written) throws IOException {
    storage.write(u.key(), u.content(), WriteCondition.mustBeAbsent());
    written.add(u.key());
    written.addAll(Sidecars.keys(u.key()));
    if (signer.isPresent()) {
      ObjectKey asc = signatureKey(u.key());
      written.add(asc);
      written.addAll(Sidecars.keys(asc));
    }
    finish(u);
  }

  /** Deletes what {@link #putFresh} wrote, as far as it can. */
  void discard(List<ObjectKey> written) throws IOException {
    IOException first = null;
    for (ObjectKey key : written) {
      try {
        storage.delete(key, WriteCondition.none());
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    written.clear();
    if (first != null) {
      throw first;
    }
  }

  private void finish(Upload u) throws IOException {
    sidecars.ensure(u.key(), u.digests());
    if (signer.isPresent()) {
      sign(u);
    }
  }

  private void sign(Upload u) throws IOException {
    ObjectKey asc = signatureKey(u.key());
    byte[] signature;
    try (InputStream in = u.content().open()) {
      signature = signer.orElseThrow().detachedSignature(in);
    }
    try {
      storage.write(asc, ContentSource.ofBytes(signature), WriteCondition.mustBeAbsent());
    } catch (PreconditionFailedException e) {
      // A signature over these same bytes is there already (a repeated deploy): keep it.
      try (ObjectStream in = storage.read(asc)) {
        signature = in.readAllBytes();
      }
    }
    sidecars.ensure(asc, Digests.of(signature));
  }

  static ObjectKey signatureKey(ObjectKey file) {
    return ObjectKey.of(file.value() + ".asc");
  }

  static List<ObjectKey> keysOf(List<Upload> uploads) {
    List<ObjectKey> keys = new ArrayList<>();
    uploads.forEach(u -> keys.add(u.key()));
    return keys;
  }
}
