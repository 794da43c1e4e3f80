package io.pinrepo.replication;

import java.io.IOException;

/** An object of the source changed or went away between two reads of one round. */
final class SourceMovedException extends IOException {
  private static final long serialVersionUID = 1L;

  SourceMovedException(String message) {
    super(message);
  }
}
