package io.pinrepo.mirror;

import io.pinrepo.PinrepoException;
import io.pinrepo.spi.ObjectKey;
import java.time.Duration;

/**
 * Another thread, process or machine was still copying an object into a region when the bound on
 * waiting for it ran out. Nothing is wrong with the copy; ask again later. An HTTP server answers
 * 503.
 */
public final class CopyWaitTimeoutException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  private final transient ObjectKey key;

  /** For {@code key} in {@code region}, after waiting {@code waited}. */
  public CopyWaitTimeoutException(ObjectKey key, String region, Duration waited) {
    super(
        "copy of "
            + key
            + " into region "
            + region
            + " still in progress elsewhere after waiting "
            + waited);
    this.key = key;
  }

  /** The object being copied. */
  public ObjectKey key() {
    return key;
  }
}
