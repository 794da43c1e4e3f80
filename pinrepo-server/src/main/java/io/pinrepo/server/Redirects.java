package io.pinrepo.server;

import io.pinrepo.mirror.RegionalMirror;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PresignedUrls;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides, per object, whether a {@link RepositoryServer} answers a {@code GET} or {@code HEAD}
 * with a redirect rather than the bytes. Asked after a directory path was resolved to its index
 * file, and before the storage is read. Implementations are thread-safe.
 *
 * <p>The server answers what an implementation throws: {@link
 * io.pinrepo.spi.ObjectNotFoundException} with 404, {@link
 * io.pinrepo.mirror.CopyVerificationException} with 502, {@link
 * io.pinrepo.mirror.CopyWaitTimeoutException} with 503, any other {@link IOException} with 502.
 */
@FunctionalInterface
public interface Redirects {

  /** Redirects nothing: every object is served from the storage. */
  Redirects NONE = key -> Optional.empty();

  /**
   * Where to send the client for {@code key}, or empty to serve the object's bytes.
   *
   * @throws IOException when the object cannot be located; see the type's description
   */
  Optional<Redirect> redirect(ObjectKey key) throws IOException;

  /**
   * Presigned URLs for the keys {@code which} selects (typically the immutable ones: package
   * files), the signing proxy's role: each such request costs a {@link Storage#stat} of {@code
   * storage} (404 when missing; a {@link io.pinrepo.cache.ReadThroughCache} answers it for cached
   * objects without asking the origin) and a signature by {@code signer}, valid for {@code
   * validity}. Other keys are served.
   */
  static Redirects presigned(
      Storage storage, PresignedUrls signer, Predicate<ObjectKey> which, Duration validity) {
    return new PresignedRedirects(storage, signer, which, validity);
  }

  /**
   * The objects {@code mirror} mirrors ({@link RegionalMirror#mirrors}) to their copies in {@code
   * region}, copying them first when needed; other keys are served (from the site's storage,
   * normally the mirror's origin).
   *
   * @throws IllegalArgumentException when the mirror has no such region
   */
  static Redirects toRegion(RegionalMirror mirror, String region) {
    return new RegionRedirects(mirror, region);
  }
}
