package io.pinrepo.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Content that {@code storage} already holds at {@code key}, an object that never changes (a
 * content-addressed file), together with the same bytes. Written to that storage, it may be linked
 * or copied on the storage's side instead of taking the bytes again (a filesystem makes a hard
 * link); any other storage, or one that cannot, takes the bytes.
 *
 * @param storage the storage that holds the object
 * @param key where it holds it
 * @param content the same bytes
 */
public record StoredContent(Storage storage, ObjectKey key, ContentSource content)
    implements ContentSource {

  /** Requires every component. */
  public StoredContent {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(content, "content");
  }

  /**
   * The same content, as held by {@code other}, which holds the same objects under the same keys.
   */
  public StoredContent heldBy(Storage other) {
    return new StoredContent(other, key, content);
  }

  @Override
  public InputStream open() throws IOException {
    return content.open();
  }

  @Override
  public OptionalLong size() {
    return content.size();
  }
}
