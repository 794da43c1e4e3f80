package io.pinrepo.mirror;

import io.pinrepo.spi.ObjectKey;
import java.time.Duration;

/**
 * Hears what a {@link RegionalMirror} does, for logs and metrics. Called synchronously on the
 * thread that did it, so implementations are quick, thread-safe and do not throw. Every method does
 * nothing by default.
 */
public interface MirrorListener {

  /** A listener that hears nothing. */
  MirrorListener NONE = new MirrorListener() {};

  /**
   * {@code key} was copied into {@code region} and verified: {@code bytes} in {@code took},
   * server-side or streamed through this process.
   */
  default void copied(
      ObjectKey key, String region, long bytes, Duration took, boolean serverSide) {}

  /** A copy of {@code key} into {@code region} failed verification; nothing was made visible. */
  default void verificationFailed(ObjectKey key, String region, CopyVerificationException cause) {}

  /** The lease on {@code key} in {@code region} had not been renewed in time and was taken over. */
  default void leaseTakenOver(ObjectKey key, String region) {}

  /**
   * The digests of the origin's indexes were read again ({@code markLive} of every format present):
   * {@code objects} live objects in {@code took}.
   */
  default void digestsRefreshed(int objects, Duration took) {}
}
