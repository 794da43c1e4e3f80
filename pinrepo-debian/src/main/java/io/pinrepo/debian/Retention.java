package io.pinrepo.debian;

/**
 * Which versions of a package (same name and architecture) a distribution keeps when a new one is
 * published. Only packages named in the publish are pruned; pool files stay until GC.
 */
public sealed interface Retention {

  /** Keep every version (the default). */
  static Retention keepAll() {
    return KeepAll.INSTANCE;
  }

  /** Drop versions older than the one published, as deb-s3 does by default. */
  static Retention replaceOlder() {
    return ReplaceOlder.INSTANCE;
  }

  /** Keep the newest {@code n} versions. */
  static Retention keepNewest(int n) {
    return new KeepNewest(n);
  }

  /** See {@link Retention#keepAll()}. */
  enum KeepAll implements Retention {
    /** The only instance. */
    INSTANCE
  }

  /** See {@link Retention#replaceOlder()}. */
  enum ReplaceOlder implements Retention {
    /** The only instance. */
    INSTANCE
  }

  /**
   * See {@link Retention#keepNewest(int)}.
   *
   * @param count how many versions to keep, at least 1
   */
  record KeepNewest(int count) implements Retention {
    /** Rejects a count below 1. */
    public KeepNewest {
      if (count < 1) {
        throw new IllegalArgumentException("keep at least one version: " + count);
      }
    }
  }
}
