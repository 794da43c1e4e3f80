package io.pinrepo.access;

/**
 * The hook a serving node reports each answered request to: {@code pinrepo serve} and {@code
 * pinrepo mirror serve} feed it, {@link AccessRecorder} is the stock implementation that keeps
 * counts in the storage. Called on the thread that answered, after the answer was sent, so
 * implementations are quick, thread-safe and never block on I/O; what one throws is not the
 * client's business and is dropped by the server.
 */
@FunctionalInterface
public interface AccessLog {

  /** A log that keeps nothing. */
  AccessLog NONE = record -> {};

  /** Takes note of one answered request. */
  void record(AccessRecord record);
}
