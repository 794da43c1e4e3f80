package io.pinrepo.mirror;

import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.hash.ReadThroughInputStream;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The content of a copy, gated on its digest: each stream hashes the bytes as the region storage
 * reads them and withholds the last of them unless the size and SHA-256 are the expected ones,
 * failing the read instead. A {@link io.pinrepo.spi.Storage} write is atomic and leaves nothing
 * when its content fails, so a copy that would not verify is never visible: the storage never
 * receives all of its bytes. Too many bytes fail as soon as they pass the expected size; too few
 * fail where the stream ends.
 */
final class VerifiedContent implements ContentSource {

  /** Opens the bytes to copy; each call a new stream from the start. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }

  /** Says whether the copy may go on; throws when it may not (the lease was lost). */
  @FunctionalInterface
  interface Guard {
    void check() throws IOException;
  }

  private final ObjectKey key;
  private final Opener opener;
  private final Expected expected;
  private final Guard guard;
  private volatile CopyVerificationException failure;

  VerifiedContent(ObjectKey key, Opener opener, Expected expected, Guard guard) {
    this.key = key;
    this.opener = opener;
    this.expected = expected;
    this.guard = guard;
  }

  @Override
  public InputStream open() throws IOException {
    guard.check();
    return new Gated(opener.open());
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.of(expected.size());
  }

  /** The verification failure of any stream opened, however the storage reported it. */
  Optional<CopyVerificationException> failure() {
    return Optional.ofNullable(failure);
  }

  private CopyVerificationException fail(String what) {
    CopyVerificationException e =
        new CopyVerificationException(
            key, "copy of " + key + " failed verification: " + what + ", expected " + describe());
    failure = e;
    return e;
  }

  private String describe() {
    return expected.describe();
  }

  /** One pass over the bytes, hashing them and holding back the last ones until they verify. */
  private final class Gated extends ReadThroughInputStream {
    private final MessageDigest digest = HashAlgorithm.SHA256.newDigest();
    private long count;
    private boolean verified;

    Gated(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      guard.check();
      int n = in.read(b, off, len);
      if (n < 0) {
        if (!verified) {
          verify(); // fewer bytes than expected (or an empty object): fails here, before the end
        }
        return -1;
      }
      count += n;
      if (count > expected.size()) {
        throw fail("more than " + expected.size() + " bytes");
      }
      digest.update(b, off, n);
      if (count == expected.size()) {
        verify(); // before the last bytes are handed over
      }
      return n;
    }

    private void verify() throws CopyVerificationException {
      if (count != expected.size()) {
        throw fail("got " + count + " bytes");
      }
      String sha256 = HexFormat.of().formatHex(digest.digest());
      if (!sha256.equals(expected.sha256())) {
        throw fail("got SHA-256 " + sha256);
      }
      verified = true;
    }
  }
}
