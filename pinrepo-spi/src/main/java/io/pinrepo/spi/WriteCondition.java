package io.pinrepo.spi;

import java.util.Objects;

/**
 * The condition under which a {@link Storage} write or delete takes effect. Checking the condition
 * and applying the change are one atomic step on every backend that accepts conditions.
 */
public sealed interface WriteCondition {

  /** No condition: the write replaces whatever is there. */
  static WriteCondition none() {
    return None.INSTANCE;
  }

  /** The write takes effect only if no object exists under the key ({@code If-None-Match: *}). */
  static WriteCondition mustBeAbsent() {
    return MustBeAbsent.INSTANCE;
  }

  /**
   * The write takes effect only if the object exists with exactly this version token ({@code
   * If-Match}).
   */
  static WriteCondition matches(String versionToken) {
    return new Matches(versionToken);
  }

  /** See {@link WriteCondition#none()}. */
  enum None implements WriteCondition {
    /** The only instance. */
    INSTANCE
  }

  /** See {@link WriteCondition#mustBeAbsent()}. */
  enum MustBeAbsent implements WriteCondition {
    /** The only instance. */
    INSTANCE
  }

  /**
   * See {@link WriteCondition#matches(String)}.
   *
   * @param versionToken the token the object must carry
   */
  record Matches(String versionToken) implements WriteCondition {
    /** Rejects a null or empty token. */
    public Matches {
      Objects.requireNonNull(versionToken, "versionToken");
      if (versionToken.isEmpty()) {
        throw new IllegalArgumentException("empty version token");
      }
    }
  }
}
