package io.pinrepo.build.format;

/**
 * Which complete builds of each name GC keeps besides those pointers name: all of them (the
 * default) or the newest {@code n} by publish time.
 */
public sealed interface BuildRetention {

  /** Keep every build. */
  static BuildRetention keepAll() {
    return KeepAll.INSTANCE;
  }

  /** Keep the newest {@code n} builds of each name, plus every build a pointer keeps. */
  static BuildRetention keepNewest(int n) {
    return new KeepNewest(n);
  }

  /** See {@link BuildRetention#keepAll()}. */
  enum KeepAll implements BuildRetention {
    /** The only instance. */
    INSTANCE
  }

  /**
   * See {@link BuildRetention#keepNewest(int)}.
   *
   * @param count how many builds to keep, at least 1
   */
  record KeepNewest(int count) implements BuildRetention {
    /** Rejects a count below 1. */
    public KeepNewest {
      if (count < 1) {
        throw new IllegalArgumentException("keep at least one build: " + count);
      }
    }
  }
}
