package io.pinrepo.server;

import java.net.URI;
import java.util.Objects;

/**
 * Where a {@link RepositoryServer} sends a client instead of answering with an object's bytes: a
 * {@code 302 Found} to {@code location}.
 *
 * @param location the absolute URL the client fetches the object from
 * @param size the object's size, recorded as the bytes of the answer in the access log
 */
public record Redirect(URI location, long size) {

  /** Rejects a relative location and a negative size. */
  public Redirect {
    Objects.requireNonNull(location, "location");
    if (!location.isAbsolute()) {
      throw new IllegalArgumentException("redirect to a relative URL: " + location);
    }
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size + " for " + location);
    }
  }
}
