package io.pinrepo.cache;

/**
 * What the leader of a key's flight found out, shared with every reader that waited for it: serve
 * an entry, read from the origin uncached, or try again.
 */
sealed interface Resolution {

  /** Serve {@code entry}'s file, reporting {@code freshness}. */
  record Cached(Entry entry, Freshness freshness) implements Resolution {}

  /** What to do when there is no entry to serve. */
  enum Signal implements Resolution {
    /** Read from the origin without caching: too large, or the disk failed. */
    BYPASS,
    /** A write overtook the fetch; look again. */
    RETRY
  }
}
