package io.pinrepo.pypi;

import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.Optional;

/** A read view that hides the JSON pages, as a static host that cannot negotiate would serve. */
final class HtmlOnlyStorage implements Storage {
  private final Storage delegate;

  HtmlOnlyStorage(Storage delegate) {
    this.delegate = delegate;
  }

  private static boolean hidden(ObjectKey key) {
    return key.value().endsWith(".json");
  }

  @Override
  public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
    return hidden(key) ? Optional.empty() : delegate.stat(key);
  }

  @Override
  public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
    if (hidden(key)) {
      throw new ObjectNotFoundException(key);
    }
    return delegate.read(key, range);
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition) {
    throw new UnsupportedOperationException("read-only view");
  }

  @Override
  public void delete(ObjectKey key, WriteCondition condition) {
    throw new UnsupportedOperationException("read-only view");
  }

  @Override
  public ObjectListing list(String prefix) throws IOException {
    return delegate.list(prefix);
  }
}
