package io.pinrepo.build;

import io.pinrepo.PinrepoException;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.pointer.PointerName;
import java.util.Objects;

/** The pointer has never been set. Nothing was changed. */
public class NoSuchPointerException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  private final transient BuildName name;
  private final transient PointerName pointer;

  /** For pointer {@code pointer} of {@code name}. */
  public NoSuchPointerException(BuildName name, PointerName pointer) {
    super("no pointer " + pointer + " for " + name);
    this.name = Objects.requireNonNull(name, "name");
    this.pointer = Objects.requireNonNull(pointer, "pointer");
  }

  /** The build line. */
  public BuildName name() {
    return name;
  }

  /** The pointer that does not exist. */
  public PointerName pointer() {
    return pointer;
  }
}
