package io.pinrepo.serving;

/** How long a client or CDN may keep an object without asking again. */
public enum CachePolicy {
  /**
   * The object never changes once written (package files, content-addressed indexes): cache it for
   * a year.
   */
  IMMUTABLE("public, max-age=31536000, immutable"),
  /**
   * A mutable top or a file derived from one (an index entry point, a project page): keep it for a
   * minute, then revalidate.
   */
  SHORT("public, max-age=60"),
  /**
   * A small top that readers poll to see a change as soon as it is made (a build pointer): caches
   * may keep it but must revalidate it with the origin before every use, which costs a {@code 304}
   * while it is unchanged.
   */
  REVALIDATE("public, no-cache");

  private final String cacheControl;

  CachePolicy(String cacheControl) {
    this.cacheControl = cacheControl;
  }

  /** The HTTP {@code Cache-Control} value. */
  public String cacheControl() {
    return cacheControl;
  }
}
