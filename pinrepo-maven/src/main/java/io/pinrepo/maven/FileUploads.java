package io.pinrepo.maven;

import io.pinrepo.PackageConflictException;
import io.pinrepo.hash.Digests;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.UnsupportedConditionException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the files of a GAV (step 1 of the publish protocol): each file, then its sidecars, then
 * its {@code .asc} and the sidecars of that. Files are blobs: a release file is written once
 * (identical bytes again are a no-op, other bytes a conflict); a snapshot build's file must be new.
 * A release's files are all in place before any sidecar or signature is written, so a deploy
 * refused by a conflict that a concurrent deploy caused can take back exactly the files it created.
 */
final class FileUploads {

  /** A file to write: where, what, its digests computed once, and the file as the user named it. */
  record Upload(ObjectKey key, ContentSource content, Digests digests, String source) {}

  /**
   * What a release's check found.
   *
   * @param present the files there already with the same bytes
   * @param conflicts by the file as the user named it, one per file there with other bytes, in the
   *     order of the uploads
   */
  record ReleaseCheck(Set<ObjectKey> present, Map<String, PackageConflictException> conflicts) {}

  private final Storage storage;
  private final Optional<Signer> signer;
  private final Sidecars sidecars;

  FileUploads(Storage storage, Optional<Signer> signer) {
    this.storage = storage;
    this.signer = signer;
    this.sidecars = new Sidecars(storage);
  }

  /**
   * Looks, before anything is written, for a release's files that exist already: with the same
   * bytes (nothing to write) or with others (a conflict, which refuses the deploy).
   */
  ReleaseCheck checkRelease(List<Upload> uploads) throws IOException {
    Set<ObjectKey> present = new HashSet<>();
    Map<String, PackageConflictException> conflicts = new LinkedHashMap<>();
    for (Upload u : uploads) {
      Optional<Digests> existing = existing(u.key());
      if (existing.isEmpty()) {
        continue;
      }
      if (same(existing.get(), u.digests())) {
        present.add(u.key());
      } else {
        conflicts.put(u.source(), conflict(u, existing.get()));
      }
    }
    return new ReleaseCheck(present, conflicts);
  }

  /**
   * Writes a release file found absent at the check as a blob this deploy creates.
   *
   * @return the version created, to delete should the deploy be refused; empty when another deploy
   *     wrote the same bytes first (then it is not this deploy's to delete)
   * @throws PackageConflictException when another deploy wrote other bytes there first
   */
  Optional<ObjectInfo> create(Upload u) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return Optional.of(storage.write(u.key(), u.content(), WriteCondition.mustBeAbsent()));
      } catch (PreconditionFailedException taken) {
        Optional<Digests> existing = existing(u.key());
        if (existing.isEmpty() && attempt < 3) {
          continue; // deleted again (a refused deploy's cleanup, or GC) since: write it
        }
        if (existing.isPresent() && same(existing.get(), u.digests())) {
          return Optional.empty();
        }
        if (existing.isEmpty()) {
          throw taken;
        }
        throw conflict(u, existing.get());
      }
    }
  }

  /**
   * The conflict a release file meets now, checking without writing; empty when it is absent or
   * there with the same bytes.
   */
  Optional<PackageConflictException> conflictNow(Upload u) throws IOException {
    Optional<Digests> existing = existing(u.key());
    return existing.isEmpty() || same(existing.get(), u.digests())
        ? Optional.empty()
        : Optional.of(conflict(u, existing.get()));
  }

  /**
   * Deletes the files a refused deploy created, each only in the version it created: a file that
   * another deploy has since written again is left to it. A backend that cannot delete
   * conditionally keeps the file (for GC): an unconditional delete could take another's.
   */
  void deleteCreated(Map<ObjectKey, String> created, Exception refusal) {
    for (Map.Entry<ObjectKey, String> c : created.entrySet()) {
      try {
        storage.delete(c.getKey(), WriteCondition.matches(c.getValue()));
      } catch (PreconditionFailedException | UnsupportedConditionException e) {
        // another deploy's now, or not ours to delete blindly
      } catch (IOException e) {
        refusal.addSuppressed(e);
      }
    }
  }

  /** Writes the sidecars and signature of a release file that is in place. */
  void completeRelease(Upload u) throws IOException {
    finish(u);
  }

  private Optional<Digests> existing(ObjectKey key) throws IOException {
    try (ObjectStream in = storage.read(key)) {
      return Optional.of(Digests.of(in));
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
  }

  private static boolean same(Digests a, Digests b) {
    return a.sha256().equals(b.sha256()) && a.size() == b.size();
  }

  private static PackageConflictException conflict(Upload u, Digests existing) {
    return new PackageConflictException(
        u.source()
            + ": "
            + u.key()
            + " is already deployed with other content (sha256 "
            + existing.sha256()
            + ", not "
            + u.digests().sha256()
            + "); a release never changes: deploy it under a new version");
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
}
