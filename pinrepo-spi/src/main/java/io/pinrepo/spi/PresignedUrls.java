package io.pinrepo.spi;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Optional power of a {@link Storage}: time-limited URLs that let a client GET an object without
 * credentials (what Pinrepo's nginx signing proxy did).
 */
public interface PresignedUrls {

  /**
   * A URL valid for {@code validity} that reads the object under {@code key}. It does not check
   * that the object exists.
   */
  URI presignGet(ObjectKey key, Duration validity) throws IOException;

  /** Convenience for a URL valid for fifteen minutes. */
  default URI presignGet(ObjectKey key) throws IOException {
    return presignGet(key, Duration.ofMinutes(15));
  }
}
