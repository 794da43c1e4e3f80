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

  /**
   * For a file that a decoder (an archive or compression format) could not read: the message is
   * {@code SOURCE: not a readable WHAT: REASON}, where the reason says in plain words whether the
   * file is truncated, corrupt, of another kind or damaged, never the decoder's class or jargon.
   * The decoder's exception is the cause.
   *
   * @param source the file, as the user named it
   * @param what what the file should have been, such as {@code Debian package}
   * @param cause what the decoder threw
   */
  public static MalformedPackageException unreadable(String source, String what, Throwable cause) {
    return new MalformedPackageException(
        source, "not a readable " + what + ": " + DecodingFailure.describe(cause), cause);
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
