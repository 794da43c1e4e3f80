package io.pinrepo.debian;

import io.pinrepo.commit.Blobs;
import io.pinrepo.commit.DerivedFiles;
import io.pinrepo.commit.ObjectVersions;
import io.pinrepo.commit.OptimisticCommit;
import io.pinrepo.commit.Settlement;
import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Makes a distribution list exactly a given set of index files, in one commit of its top: the files
 * first under the distribution's by-hash name, then its own Release (its own Suite and Codename,
 * signed with this repository's key if it has one) written conditionally on the version read,
 * retried on a lost race, then the legacy paths (and {@code Release}, {@code Release.gpg}) settled
 * after the commit as a publish settles them. No pool file is read or written: the pool is shared
 * by every distribution of the repository.
 */
final class PromotionCommit {

  private final Storage storage;
  private final Settings settings;
  private final DistLayout layout;

  PromotionCommit(Storage storage, Settings settings, DistLayout layout) {
    this.storage = storage;
    this.settings = settings;
    this.layout = layout;
  }

  /** What the commit made: when, and how settling the derived files ended. */
  record Committed(Instant time, Settlement settlement) {}

  /** What the winning attempt wrote. */
  private record Attempted(
      String token, String releaseText, Set<String> changed, ObjectVersions before, Instant time) {}

  /**
   * Commits {@code files}, whose bytes are {@code contents}, as the distribution's whole listing;
   * {@code rendered} are those of them in rendered form ({@link ReleaseFile#rendered}).
   *
   * @throws io.pinrepo.CommitConflictException when other committers kept winning
   * @throws IOException also when the distribution is signed and this repository has no signer
   */
  Committed run(
      SortedMap<String, Digests> files,
      SortedSet<String> rendered,
      SortedMap<String, byte[]> contents)
      throws IOException {
    for (Map.Entry<String, Digests> file : files.entrySet()) {
      putByHash(file.getKey(), contents.get(file.getKey()), file.getValue());
    }
    OptimisticCommit.Operation operation =
        new OptimisticCommit(settings.retryPolicy()).start("dists/" + layout.dist());
    Attempted attempted = operation.commit(() -> attempt(files, rendered));
    SortedMap<ObjectKey, byte[]> derived = new TreeMap<>();
    attempted.changed().forEach(path -> derived.put(layout.file(path), contents.get(path)));
    if (settings.signer().isPresent()) {
      byte[] release = attempted.releaseText().getBytes(StandardCharsets.UTF_8);
      derived.put(layout.release(), release);
      derived.put(
          layout.releaseSignature(),
          settings.signer().get().detachedSignature(new ByteArrayInputStream(release)));
    }
    Settlement settlement =
        operation.settle(
            storage,
            DerivedFiles.ofBytes(
                DistState.commitPoint(settings, layout),
                attempted.token(),
                derived,
                attempted.before()));
    return new Committed(attempted.time(), settlement);
  }

  private Attempted attempt(SortedMap<String, Digests> files, SortedSet<String> rendered)
      throws IOException {
    DistState state = DistState.read(storage, settings, layout);
    Set<String> changed = new TreeSet<>();
    SortedMap<String, Digests> superseded = new TreeMap<>();
    files.forEach(
        (path, digests) -> {
          if (!digests.equals(state.files().get(path))) {
            changed.add(path);
          }
        });
    state
        .files()
        .forEach(
            (path, digests) -> {
              if (!digests.equals(files.get(path))) {
                superseded.put(path, digests);
              }
            });
    Instant now = settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    if (!superseded.isEmpty() && !settings.byHashRetention().isZero()) {
      SupersededIndexes.record(storage, settings, layout, superseded, now);
    }
    String text =
        new ReleaseFile(
                layout.dist(),
                settings.origin(),
                settings.label(),
                now,
                settings.validFor().map(now::plus),
                files,
                rendered)
            .render();
    String top = settings.signer().isPresent() ? settings.signer().get().clearSign(text) : text;
    Set<ObjectKey> legacy = new TreeSet<>();
    changed.forEach(path -> legacy.add(layout.file(path)));
    if (settings.signer().isPresent()) {
      legacy.add(layout.release());
      legacy.add(layout.releaseSignature());
    }
    // Read before the commit, so the legacy writes after it lose to any newer committer's.
    ObjectVersions before = ObjectVersions.read(storage, legacy);
    ObjectInfo info = state.top().replace(storage, top.getBytes(StandardCharsets.UTF_8));
    return new Attempted(info.versionToken(), text, changed, before, now);
  }

  private void putByHash(String path, byte[] content, Digests digests) throws IOException {
    Blobs.put(
        storage,
        layout.byHash(path, digests),
        ContentSource.ofBytes(content),
        digests,
        settings.clock());
  }
}
