package io.pinrepo.cache;

import java.io.IOException;

/**
 * Writing a cache file failed on the local disk (full, failing, read-only), as opposed to reading
 * from the origin: the cache then serves the read from the origin without keeping a copy.
 */
final class LocalWriteException extends IOException {
  private static final long serialVersionUID = 1L;

  LocalWriteException(String message, IOException cause) {
    super(message, cause);
  }
}
