package io.pinrepo.cache;

import io.pinrepo.spi.ObjectInfo;
import java.util.Objects;

/**
 * What a {@link ReadThroughCache} knows of one object, together with how fresh that is.
 *
 * @param info the object's version as the cache or the origin reported it
 * @param freshness where the answer came from and how old it is
 */
public record CachedStat(ObjectInfo info, Freshness freshness) {

  /** Rejects nulls. */
  public CachedStat {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(freshness, "freshness");
  }
}
