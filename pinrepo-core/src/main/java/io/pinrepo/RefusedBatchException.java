package io.pinrepo;

import java.util.List;

/**
 * A batch publish refused as a whole because some of its files are invalid or conflict; nothing was
 * written. {@link #causes()} holds one exception per bad file, each with its one-line message; this
 * exception's own message is the first of them and how many more there are. A batch with one bad
 * file is refused with that file's own exception ({@link #refusal}).
 */
public class RefusedBatchException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  private final transient List<PinrepoException> causes;

  /**
   * @param causes one per bad file, at least one
   */
  public RefusedBatchException(List<PinrepoException> causes) {
    super(summary(causes), causes.get(0));
    this.causes = List.copyOf(causes);
    this.causes.stream().skip(1).forEach(this::addSuppressed);
  }

  /**
   * What to throw for a batch with these bad files: the exception itself when there is one, else a
   * {@code RefusedBatchException} holding them all.
   */
  public static PinrepoException refusal(List<PinrepoException> causes) {
    return causes.size() == 1 ? causes.get(0) : new RefusedBatchException(causes);
  }

  /** One exception per bad file, in the order the files were given. */
  public List<PinrepoException> causes() {
    return causes;
  }

  private static String summary(List<PinrepoException> causes) {
    if (causes.isEmpty()) {
      throw new IllegalArgumentException("a refused batch needs at least one cause");
    }
    String first = causes.get(0).getMessage();
    return causes.size() == 1 ? first : first + " (and " + (causes.size() - 1) + " more)";
  }
}
