package io.pinrepo.build.pointer;

import java.util.Objects;

/**
 * What a pointer change did.
 *
 * @param state the pointer after the change
 * @param changed false when the pointer already named the requested version, so nothing was written
 *     and no history entry added
 */
public record PointerSetResult(PointerState state, boolean changed) {
  /** Rejects a null state. */
  public PointerSetResult {
    Objects.requireNonNull(state, "state");
  }
}
