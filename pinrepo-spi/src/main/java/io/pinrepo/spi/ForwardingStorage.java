package io.pinrepo.spi;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Storage} that passes every call to another, for decorators that change one or two
 * operations (count them, report progress, inject a pause in a test). Override what differs.
 *
 * <p>It hides the delegate's optional powers ({@link PresignedUrls}, {@link ServerSideCopy}): a
 * decorator that should keep them implements them itself. It keeps one: it holds {@link
 * DirectoryKeys directory keys} when the delegate does, since that says only which keys the five
 * operations it forwards accept; a decorator that keeps objects elsewhere by key overrides {@link
 * #holdsDirectoryKeys()}.
 */
public abstract class ForwardingStorage implements Storage, DirectoryKeys {

  private final Storage delegate;

  /** Forwards to {@code delegate}, which this storage closes when closed. */
  protected ForwardingStorage(Storage delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The storage calls are forwarded to. */
  protected final Storage delegate() {
    return delegate;
  }

  @Override
  public Optional<ObjectInfo> stat(ObjectKey key) throws IOException {
    return delegate.stat(key);
  }

  @Override
  public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
    return delegate.read(key, range);
  }

  @Override
  public ObjectInfo write(ObjectKey key, ContentSource content, WriteCondition condition)
      throws IOException {
    // Under the same keys the delegate holds what this storage holds, so it may link them too.
    ContentSource forwarded =
        content instanceof StoredContent stored && stored.storage() == this
            ? stored.heldBy(delegate)
            : content;
    return delegate.write(key, forwarded, condition);
  }

  @Override
  public void delete(ObjectKey key, WriteCondition condition) throws IOException {
    delegate.delete(key, condition);
  }

  @Override
  public ObjectListing list(String prefix) throws IOException {
    return delegate.list(prefix);
  }

  /** Whether the delegate holds directory keys. */
  @Override
  public boolean holdsDirectoryKeys() {
    return DirectoryKeys.supported(delegate);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
