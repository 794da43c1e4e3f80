package io.pinrepo.build.pointer;

import io.pinrepo.build.internal.Syntax;
import io.pinrepo.build.manifest.BuildVersion;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a pointer, as its history records it.
 *
 * @param seq the change's number: 1 for the first set, one more for each change after
 * @param from the version the pointer named before; empty for the first set
 * @param to the version it names since
 * @param manifestSha256 the SHA-256 of {@code to}'s manifest when the change was made
 * @param time when the change was made, by the setter's clock
 * @param note why, as the setter said (empty for none); one line of at most {@link
 *     #MAX_NOTE_LENGTH} characters
 */
public record PointerChange(
    long seq,
    Optional<BuildVersion> from,
    BuildVersion to,
    String manifestSha256,
    Instant time,
    String note) {

  /** The longest note accepted. */
  public static final int MAX_NOTE_LENGTH = 1024;

  /** Validates the fields. */
  public PointerChange {
    if (seq < 1) {
      throw new IllegalArgumentException("a pointer change's number starts at 1: " + seq);
    }
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(manifestSha256, "manifestSha256");
    Objects.requireNonNull(time, "time");
    checkNote(note);
  }

  static String checkNote(String note) {
    Objects.requireNonNull(note, "note");
    if (note.length() > MAX_NOTE_LENGTH) {
      throw new IllegalArgumentException("note longer than " + MAX_NOTE_LENGTH + " characters");
    }
    if (!Syntax.isOneLine(note)) {
      throw new IllegalArgumentException("note has a control character (one line only)");
    }
    return note;
  }
}
