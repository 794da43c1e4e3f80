package io.pinrepo.debian;

import io.pinrepo.hash.Digests;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Promotion of APT distributions within one repository, after DLRN's {@code current -> consistent
 * -> current-passed-ci}: {@link #promote} makes a target distribution list exactly the index files
 * a source distribution lists at that moment; {@link #rollback} makes it list again what an earlier
 * promotion made it list; {@link #history} tells what was promoted when.
 *
 * <p>A promotion reads the source's Release and the index files it lists (through their by-hash
 * names, so a publish into the source at the same time is seen wholly or not at all), writes them
 * under the target's by-hash names, and replaces the target's top with the target's own Release
 * (its own Suite and Codename, Origin, Label and signature, from this repository's settings) in one
 * conditional write on the version read, retried on a lost race, exactly as a publish commits. It
 * copies no pool file: the indexes name the pool files both distributions share. Then it appends
 * the promotion to the target's history ({@code dists/<dist>/pinrepo-promotions}, a top replaced
 * conditionally too, so racing promotions each get a revision). The history keeps the newest {@link
 * #DEFAULT_KEEP} promotions unless told otherwise ({@link #keepingHistory}); GC keeps the index
 * files and pool files of every promotion the history keeps, so each can be restored.
 *
 * <p>What it does not do: it does not order the history by commit when two promotions of one target
 * race (each is recorded, in the order their records were written; {@link #currentRevision} tells
 * which one the distribution lists), and a crash between the commit and the record leaves that
 * promotion unrecorded. It promotes within one repository; promotion between repositories is
 * replication. Thread-safe.
 */
public final class AptPromotion {

  /** How many promotions a history keeps by default. */
  public static final int DEFAULT_KEEP = 20;

  private final Storage storage;
  private final Settings settings;
  private final int keep;

  AptPromotion(Storage storage, Settings settings, int keep) {
    this.storage = storage;
    this.settings = settings;
    if (keep < 1) {
      throw new IllegalArgumentException("a history keeps at least one promotion: " + keep);
    }
    this.keep = keep;
  }

  /** The same promotion keeping the newest {@code promotions} in each history (at least 1). */
  public AptPromotion keepingHistory(int promotions) {
    return new AptPromotion(storage, settings, promotions);
  }

  /**
   * Makes {@code to} list exactly what {@code from} lists now, and records it.
   *
   * @param note a one-line note for the history, or empty for none
   * @return the promotion as recorded, with its revision
   * @throws ObjectNotFoundException when {@code from} has no Release
   * @throws io.pinrepo.CommitConflictException when other committers to {@code to} kept winning
   * @throws IOException also when {@code to} is signed and this repository has no signer
   */
  public Promotion promote(String from, String to, String note) throws IOException {
    DistLayout source = new DistLayout(from);
    DistLayout target = new DistLayout(to);
    if (source.dist().equals(target.dist())) {
      throw new IllegalArgumentException("cannot promote " + from + " to itself");
    }
    DistState state = DistState.readLatest(storage, settings, source);
    if (!state.top().exists()) {
      throw new ObjectNotFoundException(source.release());
    }
    String text = new String(state.top().bytes(), StandardCharsets.UTF_8);
    if (state.top().key().equals(source.inRelease())) {
      text = ClearSigned.content(text, state.top().key().value());
    }
    SortedMap<String, byte[]> contents = new TreeMap<>();
    for (Map.Entry<String, Digests> file : state.files().entrySet()) {
      contents.put(
          file.getKey(),
          DistState.readByHash(storage, settings, source, file.getKey(), file.getValue()));
    }
    String sha256 = Digests.of(text.getBytes(StandardCharsets.UTF_8)).sha256();
    return commit(
        target, state.files(), state.rendered(), contents, from, sha256, note, OptionalInt.empty());
  }

  /**
   * Makes {@code dist} list again exactly the index files that its promotion {@code revision} made
   * it list, byte for byte, and records that as a new promotion.
   *
   * @param note a one-line note for the history, or empty for none
   * @return the rollback as recorded, with its own revision
   * @throws IOException when the history does not keep {@code revision}, or an index file of it is
   *     gone
   */
  public Promotion rollback(String dist, int revision, String note) throws IOException {
    DistLayout target = new DistLayout(dist);
    List<Promotion> history = PromotionHistory.read(storage, target);
    Promotion recorded =
        history.stream()
            .filter(p -> p.revision() == revision)
            .findFirst()
            .orElseThrow(() -> notKept(target, revision, history));
    SortedMap<String, byte[]> contents = new TreeMap<>();
    for (Map.Entry<String, Digests> file : recorded.files().entrySet()) {
      try {
        contents.put(
            file.getKey(),
            DistState.readByHash(storage, settings, target, file.getKey(), file.getValue()));
      } catch (ObjectNotFoundException e) {
        throw new IOException(
            e.key() + ": gone, cannot restore revision " + revision + " of " + dist, e);
      }
    }
    requirePoolFiles(target, contents, revision);
    return commit(
        target,
        recorded.files(),
        new TreeSet<>(), // the history keeps no record of their form: checked in full once
        contents,
        recorded.source(),
        recorded.sourceReleaseSha256(),
        note,
        OptionalInt.of(revision));
  }

  /** The promotions {@code dist}'s history keeps, oldest first; empty when it has none. */
  public List<Promotion> history(String dist) throws IOException {
    return PromotionHistory.read(storage, new DistLayout(dist));
  }

  /**
   * The newest kept revision whose index files {@code dist} lists now; empty when it lists none of
   * them (published into since, or never promoted).
   */
  public Optional<Integer> currentRevision(String dist) throws IOException {
    DistLayout layout = new DistLayout(dist);
    SortedMap<String, Digests> now = DistState.readLatest(storage, settings, layout).files();
    List<Promotion> history = PromotionHistory.read(storage, layout);
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).files().equals(now)) {
        return Optional.of(history.get(i).revision());
      }
    }
    return Optional.empty();
  }

  private Promotion commit(
      DistLayout target,
      SortedMap<String, Digests> files,
      SortedSet<String> rendered,
      SortedMap<String, byte[]> contents,
      String source,
      String sourceSha256,
      String note,
      OptionalInt restored)
      throws IOException {
    // Checked before anything is written, so a bad note changes nothing.
    if (files.isEmpty()) {
      throw new IOException("dists/" + source + " lists no index files: nothing to promote");
    }
    Optional<String> checked =
        note.isEmpty() ? Optional.empty() : Optional.of(Promotion.checkNote(note));
    PromotionCommit.Committed committed =
        new PromotionCommit(storage, settings, target).run(files, rendered, contents);
    Promotion made =
        new Promotion(1, source, sourceSha256, committed.time(), checked, restored, files);
    return PromotionHistory.append(storage, settings, target, made, keep);
  }

  /**
   * Refuses a rollback whose indexes name a pool file that is gone (taken back by {@code purge}):
   * no index may name a file that is not there.
   */
  private void requirePoolFiles(DistLayout target, SortedMap<String, byte[]> contents, int revision)
      throws IOException {
    Set<String> checked = new HashSet<>();
    for (Map.Entry<String, byte[]> file : contents.entrySet()) {
      if (file.getKey().endsWith("/Packages")) {
        for (IndexEntry e : PackagesIndex.parse(file.getValue(), file.getKey())) {
          if (checked.add(e.filename()) && storage.stat(ObjectKey.of(e.filename())).isEmpty()) {
            throw new IOException(
                e.filename()
                    + ": gone (purged?), cannot restore revision "
                    + revision
                    + " of "
                    + target.dist());
          }
        }
      }
    }
  }

  private static IOException notKept(DistLayout layout, int revision, List<Promotion> history) {
    String kept =
        history.isEmpty()
            ? "it records none"
            : "it keeps "
                + history.get(0).revision()
                + " to "
                + history.get(history.size() - 1).revision();
    return new IOException(
        PromotionHistory.key(layout)
            + ": revision "
            + revision
            + " is not recorded ("
            + kept
            + ")");
  }
}
