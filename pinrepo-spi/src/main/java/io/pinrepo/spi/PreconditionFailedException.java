package io.pinrepo.spi;

/**
 * A conditional write or delete found the object in another state than its {@link WriteCondition}
 * required: another writer got there first. Nothing was changed; read again and retry.
 */
public class PreconditionFailedException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final transient ObjectKey key;

  /** For {@code key}, saying which condition was lost. */
  public PreconditionFailedException(ObjectKey key, WriteCondition condition) {
    super("condition " + describe(condition) + " failed for " + key);
    this.key = key;
  }

  /** For {@code key}, with the backend's own explanation and cause. */
  public PreconditionFailedException(ObjectKey key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** The key whose condition failed. */
  public ObjectKey key() {
    return key;
  }

  private static String describe(WriteCondition condition) {
    if (condition instanceof WriteCondition.Matches m) {
      return "matches(" + m.versionToken() + ")";
    }
    return condition instanceof WriteCondition.MustBeAbsent ? "must-be-absent" : "none";
  }
}
