package io.pinrepo.build.pointer;

import io.pinrepo.build.manifest.BuildVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * A requested pointer change: the version to point at, optionally the version the pointer must
 * point at now for the change to happen (compare-and-swap), and a note for the history. Start with
 * {@link #to}.
 *
 * @param version the version to point at
 * @param expected when present, the change happens only if the pointer names this version now
 * @param note why, one line (empty for none)
 */
public record PointerUpdate(BuildVersion version, Optional<BuildVersion> expected, String note) {

  /** Validates the note. */
  public PointerUpdate {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(expected, "expected");
    PointerChange.checkNote(note);
  }

  /** Point at {@code version}, whatever the pointer names now, without a note. */
  public static PointerUpdate to(BuildVersion version) {
    return new PointerUpdate(version, Optional.empty(), "");
  }

  /** This change, made only if the pointer names {@code current} at the time of the write. */
  public PointerUpdate expecting(BuildVersion current) {
    return new PointerUpdate(version, Optional.of(current), note);
  }

  /** This change, recorded in the history with {@code text}. */
  public PointerUpdate withNote(String text) {
    return new PointerUpdate(version, expected, text);
  }
}
