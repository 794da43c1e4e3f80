package io.pinrepo.rpm;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.hash.Digests;
import io.pinrepo.rpm.repodata.PackageEntry;
import io.pinrepo.rpm.repodata.Repomd;
import io.pinrepo.rpm.repodata.RepomdRecord;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Verifies one repository path: repomd.xml parses; every file it lists is there with its size and
 * SHA-256 (and the three package documents with their open size and checksum, agreeing with each
 * other); every package primary.xml lists is there with its size and SHA-256; {@code
 * repomd.xml.asc} signs the current repomd.xml (checked with the trusted keys when given, else by
 * the SHA-256 it is marked with); with trusted keys, an unsigned path is a problem too.
 */
final class RepositoryCheck {
  static final String FORMAT = "rpm";

  private final Storage storage;
  private final Settings settings;
  private final VerifyContext context;
  private final Consumer<Problem> problems;

  RepositoryCheck(
      Storage storage, Settings settings, VerifyContext context, Consumer<Problem> problems) {
    this.storage = storage;
    this.settings = settings;
    this.context = context;
    this.problems = problems;
  }

  void path(RepoPath path) throws IOException {
    PathState state;
    try {
      state = PathState.read(storage, settings, path);
    } catch (MalformedPackageException e) {
      problem(path.repomd(), e.problem());
      return;
    }
    if (state.repomd().isEmpty()) {
      return; // recorded before a first commit that has not happened (yet)
    }
    signature(state);
    Repomd repomd = state.repomd().get();
    Set<String> there = new HashSet<>();
    for (RepomdRecord record : repomd.records()) {
      boolean document = PathState.TYPES.contains(record.type());
      if (file(path.key(record.location()), record.size(), record.checksum(), !document)) {
        there.add(record.type());
      }
    }
    if (there.contains("primary")) {
      guarded(
          path,
          () ->
              state.summaries(s -> file(path.key(s.location()), s.packageSize(), s.pkgId(), true)));
    }
    if (there.containsAll(PathState.TYPES)) {
      guarded(path, () -> documentsAgree(state));
    }
  }

  /** Reads the three documents in step: they list the same packages, each as repomd.xml says. */
  private static void documentsAgree(PathState state) throws IOException {
    try (PathState.Entries entries = state.entries()) {
      for (Optional<PackageEntry> e = entries.next(); e.isPresent(); e = entries.next()) {
        // each entry parsed and matched across the documents
      }
    }
  }

  /** A check that reads documents; what is wrong with them is a problem, not a failure. */
  @FunctionalInterface
  private interface DocumentCheck {
    void run() throws IOException;
  }

  private void guarded(RepoPath path, DocumentCheck check) throws IOException {
    try {
      check.run();
    } catch (MalformedPackageException e) {
      problem(keyOf(e.source(), path.repomd()), e.problem());
    }
  }

  /** Checks one file against its listing; false when it is missing or of another size. */
  private boolean file(ObjectKey key, long size, String sha256, boolean digest) throws IOException {
    Optional<ObjectInfo> info = storage.stat(key);
    if (info.isEmpty()) {
      problem(key, "missing; repomd.xml names it, directly or through primary.xml");
      return false;
    }
    if (info.get().size() != size) {
      problem(key, "is " + info.get().size() + " bytes, the repodata says " + size);
      return false;
    }
    if (digest) {
      try (ObjectStream in = storage.read(key)) {
        String actual = Digests.of(in).sha256();
        if (!actual.equals(sha256)) {
          problem(key, "has sha256 " + actual + ", the repodata says " + sha256);
        }
      } catch (ObjectNotFoundException gone) {
        problem(key, "missing; repomd.xml names it, directly or through primary.xml");
        return false;
      }
    }
    return true;
  }

  private void signature(PathState state) {
    RepoPath path = state.path();
    byte[] repomd = state.top().bytes();
    Optional<PathState.Signature> asc = state.signature();
    Optional<SignatureChecker> checker = context.signatures();
    if (asc.isEmpty()) {
      if (checker.isPresent()) {
        problem(path.signature(), "missing: repomd.xml is not signed");
      }
      return;
    }
    byte[] signature = asc.get().bytes();
    Optional<String> marked = RepomdSignature.signedSha256(signature);
    if (marked.isPresent() && !RepomdSignature.signs(signature, repomd)) {
      problem(path.signature(), "signs another repomd.xml (sha256 " + marked.get() + ")");
      return;
    }
    if (checker.isPresent()) {
      try {
        if (!checker.get().verifyDetached(new ByteArrayInputStream(repomd), signature)) {
          problem(path.signature(), "does not verify repomd.xml with the trusted keys");
        }
      } catch (IOException e) {
        problem(path.signature(), "unreadable signature: " + e.getMessage());
      }
    }
  }

  private void problem(ObjectKey key, String description) {
    String line = description.lines().findFirst().orElse(description);
    problems.accept(new Problem(FORMAT, key, line));
  }

  private static ObjectKey keyOf(String source, ObjectKey fallback) {
    try {
      return ObjectKey.of(source);
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }
}
