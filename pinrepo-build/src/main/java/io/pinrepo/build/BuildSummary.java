package io.pinrepo.build;

import java.time.Instant;
import java.util.Objects;

/**
 * One build as a listing shows it, known from its listing marker alone (no manifest read).
 *
 * @param version the build's version
 * @param time when it was published
 */
public record BuildSummary(BuildVersion version, Instant time) {
  /** Rejects nulls. */
  public BuildSummary {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(time, "time");
  }
}
