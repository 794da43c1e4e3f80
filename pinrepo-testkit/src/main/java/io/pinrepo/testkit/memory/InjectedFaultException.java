package io.pinrepo.testkit.memory;

import java.io.IOException;

/** The failure {@link InMemoryStorage} throws when a test asked it to fail an operation. */
public class InjectedFaultException extends IOException {
  private static final long serialVersionUID = 1L;

  /** With a message naming the operation and key. */
  public InjectedFaultException(String message) {
    super(message);
  }
}
