package io.pinrepo.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * The body of a GetObject that, when closed before its end, aborts the HTTP connection instead of
 * letting the client drain what may be gigabytes to reuse it.
 */
final class AbortingStream extends FilterInputStream {

  private final ResponseInputStream<?> response;
  private boolean atEnd;

  AbortingStream(ResponseInputStream<?> response) {
    super(response);
    this.response = response;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    atEnd |= b < 0;
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    atEnd |= n < 0;
    return n;
  }

  @Override
  public void close() throws IOException {
    if (!atEnd) {
      response.abort();
    }
    super.close();
  }
}
