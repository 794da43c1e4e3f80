package io.pinrepo;

import java.util.Objects;

/**
 * Input that is not what it claims to be: a .deb without a control file, a wheel whose METADATA
 * disagrees with its name, a POM with a DTD. The message is one line naming the file and the
 * problem; the repository has not been changed.
 */
public class MalformedPackageException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String problem;

  /**
   * @param source the file, as the user named it
   * @param problem what is wrong, without the file name
   */
  public MalformedPackageException(String source, String problem) {
    this(source, problem, null);
  }

  /** As {@link #MalformedPackageException(String, String)}, with the underlying cause. */
  public MalformedPackageException(String source, String problem, Throwable cause) {
    super(
        Objects.requireNonNull(source, "source")
            + ": "
            + Objects.requireNonNull(problem, "problem"),
        cause);
    this.source = source;
    this.problem = problem;
  }

  /** The file the problem is in. */
  public String source() {
    return source;
  }

  /** What is wrong with it. */
  public String problem() {
    return problem;
  }
}
