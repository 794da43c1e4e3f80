package io.pinrepo.build;

import io.pinrepo.PinrepoException;
import java.util.Objects;

/**
 * A fetched object is not what the build says it is: a file whose size or SHA-256 differs from its
 * manifest entry, or a manifest that differs from the one a pointer recorded. The destination was
 * left untouched.
 */
public class BuildIntegrityException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  private final String object;

  /**
   * @param object the file or manifest, as named in the message
   * @param problem what differs, without the object's name
   */
  public BuildIntegrityException(String object, String problem) {
    super(Objects.requireNonNull(object, "object") + ": " + Objects.requireNonNull(problem));
    this.object = object;
  }

  /** The file or manifest that differs. */
  public String object() {
    return object;
  }
}
