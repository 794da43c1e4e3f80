package io.pinrepo.s3;

import io.pinrepo.spi.ContentSource;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * A request body that opens its {@link ContentSource} afresh for each attempt the SDK makes, and
 * closes every stream it opened when the request is over, whatever the SDK did with them.
 */
final class ReopeningBody implements ContentStreamProvider, Closeable {

  private final ContentSource content;
  private final List<InputStream> opened = new ArrayList<>();

  ReopeningBody(ContentSource content) {
    this.content = content;
  }

  @Override
  public synchronized InputStream newStream() {
    try {
      InputStream in = content.open();
      opened.add(in);
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // S3Errors unwraps it
    }
  }

  @Override
  public synchronized void close() throws IOException {
    IOException failure = null;
    for (InputStream in : opened) {
      try {
        in.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    opened.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
