package io.pinrepo.debian;

import io.pinrepo.hash.Digests;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One recorded promotion of a distribution: which revision of its history it is, where its content
 * came from, when, and the exact index files it made the distribution list. A rollback is recorded
 * as a promotion too, naming the revision it restored.
 *
 * @param revision its number in the distribution's history, from 1, never reused
 * @param source the distribution promoted from (for a rollback, the source of the revision
 *     restored)
 * @param sourceReleaseSha256 the SHA-256 of the source's Release text as read for the promotion
 * @param time when it was committed, by the repository's clock
 * @param note a one-line note, if one was given
 * @param restored the revision a rollback restored; empty for a promotion
 * @param files every index file the distribution listed afterwards, by path under {@code
 *     dists/<dist>/}, with its digests
 */
public record Promotion(
    int revision,
    String source,
    String sourceReleaseSha256,
    Instant time,
    Optional<String> note,
    OptionalInt restored,
    SortedMap<String, Digests> files) {

  /** Validates the fields and copies the files (unmodifiable). */
  public Promotion {
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be positive: " + revision);
    }
    DistLayout.checkName("distribution", source);
    if (!sourceReleaseSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256: " + sourceReleaseSha256);
    }
    Objects.requireNonNull(time, "time");
    note = note.map(Promotion::checkNote);
    Objects.requireNonNull(restored, "restored");
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a promotion lists at least one index file");
    }
  }

  /** Rejects a note that is not one non-blank line. */
  static String checkNote(String note) {
    if (note.isBlank() || note.contains("\n") || note.contains("\r")) {
      throw new IllegalArgumentException("a note must be one non-blank line: '" + note + "'");
    }
    return note.strip();
  }

  /** This promotion with another revision number. */
  Promotion withRevision(int number) {
    return new Promotion(number, source, sourceReleaseSha256, time, note, restored, files);
  }
}
