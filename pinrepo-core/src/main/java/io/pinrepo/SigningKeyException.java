package io.pinrepo;

/** A signing key could not be loaded: not a secret key, a wrong passphrase, an unsupported key. */
public class SigningKeyException extends PinrepoException {
  private static final long serialVersionUID = 1L;

  /** With a one-line message naming the key source and the problem. */
  public SigningKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
