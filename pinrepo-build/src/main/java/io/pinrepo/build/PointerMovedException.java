package io.pinrepo.build;

import io.pinrepo.PinrepoException;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.pointer.PointerName;
import java.util.Objects;
import java.util.Optional;

/**
 * A pointer change that expected the pointer at one version found it elsewhere: someone else moved
 * it first. The pointer and its history are unchanged; read it again and decide.
 */
public class PointerMovedException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  private final transient BuildVersion expected;
  private final transient Optional<BuildVersion> actual;

  /**
   * For pointer {@code pointer} of {@code name}, expected at {@code expected}, found at {@code
   * actual} (empty: not set).
   */
  public PointerMovedException(
      BuildName name, PointerName pointer, BuildVersion expected, Optional<BuildVersion> actual) {
    super(
        name
            + " "
            + pointer
            + " "
            + actual.map(v -> "points at " + v).orElse("is not set")
            + ", not "
            + expected
            + " as expected: someone else moved it");
    this.expected = Objects.requireNonNull(expected, "expected");
    this.actual = Objects.requireNonNull(actual, "actual");
  }

  /** The version the change expected. */
  public BuildVersion expected() {
    return expected;
  }

  /** The version the pointer was found at; empty when it was not set. */
  public Optional<BuildVersion> actual() {
    return actual;
  }
}
