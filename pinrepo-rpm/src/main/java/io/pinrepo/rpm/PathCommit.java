package io.pinrepo.rpm;

import io.pinrepo.commit.Blobs;
import io.pinrepo.commit.DerivedFiles;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.Settlement;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.rpm.repodata.Repomd;
import io.pinrepo.rpm.repodata.RepomdRecord;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Commits one {@link Edit} to one repository path (steps 2 to 6 of the publish protocol): read
 * {@code repomd.xml.asc}'s version and {@code repomd.xml}, plan from {@code primary.xml}, write the
 * spliced documents under content-addressed names, record what they supersede, replace repomd.xml
 * conditionally, retry on a lost race. Then the post-commit step ({@link
 * OptimisticCommit.Operation#settle}) writes {@code repomd.xml.asc} conditionally on the version
 * read before the commit, so a slower publisher never leaves a signature of an older repomd.xml
 * behind a newer one. A commit that changes nothing instead repairs a missing or stale signature.
 *
 * <p>Storage operations per commit are a constant: the package files are never read or listed.
 */
final class PathCommit {

  private final Storage storage;
  private final Settings settings;
  private final RepoPath path;

  PathCommit(Storage storage, Settings settings, RepoPath path) {
    this.storage = storage;
    this.settings = settings;
    this.path = path;
  }

  /** A commit made: the new top's version and bytes. */
  private record Committed(String token, byte[] repomd) {}

  /** What the winning attempt planned, read and committed. */
  private record Outcome(Plan plan, PathState state, Optional<Committed> committed) {}

  /**
   * Plans {@code edit} against the current state without writing anything: the check before any
   * upload.
   *
   * @throws io.pinrepo.PinrepoException when the edit is refused
   * @throws IOException when the path is signed and this repository has no signer
   */
  Plan check(Edit edit) throws IOException {
    PathState state = PathState.read(storage, settings, path);
    requireSigner(state);
    return plan(state, edit);
  }

  /** Commits a fresh {@code edit} per attempt, then settles the signature. */
  ChangeReport<RpmRef> run(Supplier<Edit> edit) throws IOException {
    OptimisticCommit.Operation operation =
        new OptimisticCommit(settings.retryPolicy()).start(path.repomd().value());
    Outcome outcome = operation.commit(() -> attempt(edit.get()));
    Plan plan = outcome.plan();
    Settlement settled = Settlement.CURRENT;
    if (outcome.committed().isPresent()) {
      Committed c = outcome.committed().get();
      if (settings.signer().isPresent()) {
        settled = operation.settle(storage, signature(c.token(), c.repomd(), outcome.state()));
      }
    } else {
      settled = repair(operation, outcome.state());
    }
    return new ChangeReport<>(
        plan.added(), plan.unchanged(), plan.removed(), outcome.committed().isPresent(), settled);
  }

  private Outcome attempt(Edit edit) throws IOException {
    PathState state = PathState.read(storage, settings, path);
    requireSigner(state);
    Plan plan = plan(state, edit);
    if (!plan.changes()) {
      return new Outcome(plan, state, Optional.empty());
    }
    try (NewRepodata documents = NewRepodata.write(state, plan, settings)) {
      List<RepomdRecord> records = new ArrayList<>();
      for (NewRepodata.Written w : documents.written()) {
        Blobs.put(
            storage,
            path.key(w.record().location()),
            ContentSource.ofPath(w.file()),
            w.digests(),
            settings.clock());
        records.add(w.record());
      }
      state.repomd().ifPresent(r -> records.addAll(kept(r)));
      recordSuperseded(state, records);
      String revision = Long.toString(settings.clock().instant().getEpochSecond());
      byte[] next = new Repomd(revision, records).render();
      ObjectInfo info = state.top().replace(storage, next);
      return new Outcome(plan, state, Optional.of(new Committed(info.versionToken(), next)));
    }
  }

  private static Plan plan(PathState state, Edit edit) throws IOException {
    int[] listed = {0};
    state.summaries(
        summary -> {
          edit.listed(summary);
          listed[0]++;
        });
    return edit.plan(listed[0]);
  }

  /**
   * The records of other types a repository may carry (updateinfo, comps groups, modules), which
   * stay as they are; the alternative forms of the three documents (sqlite {@code _db}, {@code
   * _zck}) describe the old package list and go.
   */
  private static List<RepomdRecord> kept(Repomd repomd) {
    return repomd.records().stream().filter(r -> !isPackageDocument(r.type())).toList();
  }

  static boolean isPackageDocument(String type) {
    return PathState.TYPES.stream().anyMatch(t -> type.equals(t) || type.startsWith(t + "_"));
  }

  /** Records the files the new repomd.xml stops listing, before it is written. */
  private void recordSuperseded(PathState state, List<RepomdRecord> next) throws IOException {
    if (state.repomd().isEmpty() || settings.metadataRetention().isZero()) {
      return;
    }
    Set<String> still = next.stream().map(RepomdRecord::location).collect(Collectors.toSet());
    List<RepomdRecord> gone =
        state.repomd().get().records().stream().filter(r -> !still.contains(r.location())).toList();
    if (!gone.isEmpty()) {
      SupersededMetadata.record(storage, settings, path, gone);
    }
  }

  private void requireSigner(PathState state) throws IOException {
    if (state.signature().isPresent() && settings.signer().isEmpty()) {
      throw new IOException(
          path.signature()
              + " exists: this repository is signed; publish with its signing key (--sign-key)");
    }
  }

  private DerivedFiles signature(String token, byte[] repomd, PathState state) throws IOException {
    byte[] asc = RepomdSignature.sign(settings.signer().orElseThrow(), repomd);
    return DerivedFiles.ofBytes(
        path.repomd(), token, Map.of(path.signature(), asc), state.signatureVersion());
  }

  /**
   * Nothing was committed, maybe because this change committed before a crash cut its signature
   * short: with a signer, a missing signature, or one of another repomd.xml, is written again.
   */
  private Settlement repair(OptimisticCommit.Operation operation, PathState state)
      throws IOException {
    if (settings.signer().isEmpty() || !state.top().exists()) {
      return Settlement.CURRENT;
    }
    byte[] repomd = state.top().bytes();
    Optional<PathState.Signature> found = state.signature();
    if (found.isPresent() && RepomdSignature.signs(found.get().bytes(), repomd)) {
      return Settlement.CURRENT;
    }
    return operation.settle(
        storage, signature(state.top().versionToken().orElseThrow(), repomd, state));
  }
}
