package io.pinrepo.cache;

import io.pinrepo.spi.ObjectStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.Objects;

/**
 * An open read from a {@link ReadThroughCache} together with how fresh it is. The caller closes it,
 * which closes the stream.
 *
 * @param stream the bytes of the range asked for, with the info of the version they belong to
 * @param freshness where they came from and how old they are
 */
public record CachedRead(ObjectStream stream, Freshness freshness) implements Closeable {

  /** Rejects nulls. */
  public CachedRead {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(freshness, "freshness");
  }

  /** Closes the stream. */
  @Override
  public void close() throws IOException {
    stream.close();
  }
}
