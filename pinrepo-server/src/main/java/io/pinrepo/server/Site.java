package io.pinrepo.server;

import io.pinrepo.access.AccessRecord;
import io.pinrepo.spi.Storage;
import java.util.Objects;

/**
 * One storage a {@link RepositoryServer} serves, under {@code /NAME/} (or at the root for the empty
 * name), with the redirects that replace some of its answers. A mirror server has one site per
 * region, each serving the origin's indexes and redirecting package files to the region's copies.
 *
 * @param name the first path segment, a region name (see {@link AccessRecord#checkRegion}), or
 *     empty text for the root; recorded as the region of each access
 * @param storage where the bytes come from
 * @param redirects which answers are redirects instead
 */
public record Site(String name, Storage storage, Redirects redirects) {

  /** Rejects nulls and a malformed name. */
  public Site {
    AccessRecord.checkRegion(name);
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(redirects, "redirects");
  }

  /** A site at the root that serves {@code storage} without redirects. */
  public static Site root(Storage storage) {
    return new Site("", storage, Redirects.NONE);
  }
}
