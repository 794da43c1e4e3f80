package io.pinrepo.mirror;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import java.net.URI;
import java.util.Objects;

/**
 * Where a region's copy of an object is, from {@link RegionalMirror#locate}.
 *
 * @param key the object
 * @param region the region's name
 * @param url where a client reads the copy: presigned, or the region's public base URL and the key
 * @param copy the copy as the region storage describes it
 * @param outcome whether this call found, made or waited for the copy
 */
public record Located(ObjectKey key, String region, URI url, ObjectInfo copy, Outcome outcome) {

  /** How the copy came to be there. */
  public enum Outcome {
    /** It was there already. */
    PRESENT,
    /** This call copied it. */
    COPIED,
    /** Another thread, process or machine copied it while this call waited. */
    WAITED
  }

  /** Rejects nulls. */
  public Located {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(copy, "copy");
    Objects.requireNonNull(outcome, "outcome");
  }
}
