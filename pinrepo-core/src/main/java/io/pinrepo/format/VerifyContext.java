package io.pinrepo.format;

import io.pinrepo.sign.SignatureChecker;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verification may use beyond the storage, and how strict it is.
 *
 * @param signatures checks OpenPGP signatures against the trusted keys; empty to skip signature
 *     checks (their presence is still checked where a format requires it)
 * @param derivedMayLag whether files derived from a top ({@link LiveObject.Role#DERIVED}: APT's
 *     legacy index paths and the Release beside an InRelease, the checksum files of Maven metadata,
 *     PyPI's HTML and JSON twins) may differ from their top without being reported. They do for a
 *     moment whenever a publish or a replication replaces a top, since no storage writes two
 *     objects at once; a repository being written to can pass only this check. Everything a top
 *     names is checked either way.
 */
public record VerifyContext(Optional<SignatureChecker> signatures, boolean derivedMayLag) {

  /** Rejects null. */
  public VerifyContext {
    Objects.requireNonNull(signatures, "signatures");
  }

  /** A strict verification with these signature checks. */
  public VerifyContext(Optional<SignatureChecker> signatures) {
    this(signatures, false);
  }

  /** No signature checks. */
  public static VerifyContext unsigned() {
    return new VerifyContext(Optional.empty());
  }

  /** This context with derived files allowed to lag their top (see {@link #derivedMayLag()}). */
  public VerifyContext allowingLag() {
    return new VerifyContext(signatures, true);
  }
}
