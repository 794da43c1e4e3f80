package io.pinrepo.format;

import io.pinrepo.sign.SignatureChecker;
import java.util.Optional;

/**
 * What a verification may use beyond the storage.
 *
 * @param signatures checks OpenPGP signatures against the trusted keys; empty to skip signature
 *     checks (their presence is still checked where a format requires it)
 */
public record VerifyContext(Optional<SignatureChecker> signatures) {

  /** Rejects null. */
  public VerifyContext {
    java.util.Objects.requireNonNull(signatures, "signatures");
  }

  /** No signature checks. */
  public static VerifyContext unsigned() {
    return new VerifyContext(Optional.empty());
  }
}
