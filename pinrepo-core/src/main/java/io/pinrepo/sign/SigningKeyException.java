package io.pinrepo.sign;

import java.io.IOException;

/** A signing key could not be loaded: not a secret key, a wrong passphrase, an unsupported key. */
public class SigningKeyException extends IOException {
  private static final long serialVersionUID = 1L;

  /** With a one-line message naming the key source and the problem. */
  public SigningKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
