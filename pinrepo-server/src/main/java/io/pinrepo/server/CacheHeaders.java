package io.pinrepo.server;

import com.sun.net.httpserver.Headers;
import io.pinrepo.cache.Freshness;

/**
 * What a {@link io.pinrepo.cache.ReadThroughCache} answer says about itself in HTTP: {@code
 * Cache-Status} (RFC 9211), {@code Age} for answers from the cache, and for a stale answer while
 * the origin fails {@code Warning: 110} ("Response is Stale") and {@code 111} ("Revalidation
 * Failed").
 */
final class CacheHeaders {

  private static final String CACHE = "pinrepo";

  private CacheHeaders() {}

  static void set(Headers headers, Freshness freshness) {
    String status =
        switch (freshness.outcome()) {
          case HIT -> CACHE + "; hit";
          case REVALIDATED -> CACHE + "; fwd=stale; fwd-status=304";
          case MISS -> CACHE + "; fwd=miss; stored";
          case STALE -> CACHE + "; hit; detail=origin-unreachable";
          case BYPASS -> CACHE + "; fwd=bypass";
        };
    headers.set("Cache-Status", status);
    if (freshness.outcome() != Freshness.Outcome.MISS
        && freshness.outcome() != Freshness.Outcome.BYPASS) {
      headers.set("Age", Long.toString(freshness.age().toSeconds()));
    }
    if (freshness.stale()) {
      headers.set(
          "Warning",
          "110 " + CACHE + " \"Response is Stale\", 111 " + CACHE + " \"Revalidation Failed\"");
    }
  }
}
