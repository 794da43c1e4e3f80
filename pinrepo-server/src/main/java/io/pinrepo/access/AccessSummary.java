package io.pinrepo.access;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Access counts summed over the objects {@link AccessStats} read.
 *
 * @param files how many access objects were summed
 * @param requests all requests
 * @param bytes all bytes (see {@link AccessRecord#bytes()})
 * @param from the start of the earliest period summed; empty when nothing was
 * @param to the end of the latest period summed; empty when nothing was
 * @param keys per object key, across regions, most requested first
 * @param regions per region (empty text for a server of one repository), most requested first
 * @param statuses per HTTP status, as text, most requested first
 */
public record AccessSummary(
    long files,
    long requests,
    long bytes,
    Optional<Instant> from,
    Optional<Instant> to,
    List<Total> keys,
    List<Total> regions,
    List<Total> statuses) {

  /**
   * The counts of one key, region or status.
   *
   * @param name the key, region or status
   * @param requests how many requests
   * @param bytes how many bytes
   * @param lastAccess the latest request
   */
  public record Total(String name, long requests, long bytes, Instant lastAccess) {
    /** Rejects nulls and negative counts. */
    public Total {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(lastAccess, "lastAccess");
      if (requests < 0 || bytes < 0) {
        throw new IllegalArgumentException("negative count for " + name);
      }
    }
  }

  /** Copies the lists and rejects nulls. */
  public AccessSummary {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    keys = List.copyOf(keys);
    regions = List.copyOf(regions);
    statuses = List.copyOf(statuses);
  }

  /** The {@code n} most requested keys. */
  public List<Total> topKeys(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative count " + n);
    }
    return keys.subList(0, Math.min(n, keys.size()));
  }
}
