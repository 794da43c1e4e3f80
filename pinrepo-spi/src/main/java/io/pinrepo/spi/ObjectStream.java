package io.pinrepo.spi;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * An open read of one stored object: its bytes and the {@link ObjectInfo} of exactly the version
 * being read, so that a caller can later write conditionally on that version. Whoever receives it
 * from {@link Storage#read} closes it.
 */
public final class ObjectStream extends FilterInputStream {

  private final ObjectInfo info;

  /** Wraps {@code in}, whose bytes belong to the version {@code info} describes. */
  public ObjectStream(InputStream in, ObjectInfo info) {
    super(Objects.requireNonNull(in, "in"));
    this.info = Objects.requireNonNull(info, "info");
  }

  /** The version being read. */
  public ObjectInfo info() {
    return info;
  }
}
