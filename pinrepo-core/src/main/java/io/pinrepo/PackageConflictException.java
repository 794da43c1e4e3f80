package io.pinrepo;

/**
 * A name that is published once and then never changes (a pool .deb, a release jar, a wheel, an RPM
 * NEVRA, a build's file) is already taken by other bytes. Publishing the same bytes again is not an
 * error; this is. Nothing the refused publish would have written is left in the repository.
 */
public class PackageConflictException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  /** With a one-line message naming the package or file and both hashes. */
  public PackageConflictException(String message) {
    super(message);
  }
}
