package io.pinrepo.spi;

/** There is no object under the key that was read. */
public class ObjectNotFoundException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final transient ObjectKey key;

  /** For {@code key}. */
  public ObjectNotFoundException(ObjectKey key) {
    super("no object at " + key);
    this.key = key;
  }

  /** The key that was not found. */
  public ObjectKey key() {
    return key;
  }
}
