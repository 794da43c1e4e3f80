package io.pinrepo.replication;

import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.hash.ReadThroughInputStream;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One object of the source as content to write to the target, streamed afresh on each open. When a
 * version is pinned, a read of any other version fails with {@link SourceMovedException}; when a
 * size or SHA-256 is expected, a stream whose bytes disagree fails at its end, so the write that
 * reads it fails and leaves nothing in the target.
 */
final class SourceContent implements ContentSource {
  private final Storage source;
  private final ObjectKey key;
  private final OptionalLong size;
  private final Optional<String> sha256;
  private final Optional<String> version;

  SourceContent(
      Storage source,
      ObjectKey key,
      OptionalLong size,
      Optional<String> sha256,
      Optional<String> version) {
    this.source = source;
    this.key = key;
    this.size = size;
    this.sha256 = sha256;
    this.version = version;
  }

  @Override
  public InputStream open() throws IOException {
    ObjectStream in = source.read(key);
    if (version.isPresent() && !version.get().equals(in.info().versionToken())) {
      in.close();
      throw new SourceMovedException(key + " changed in the source while it was copied");
    }
    return new Checked(in);
  }

  @Override
  public OptionalLong size() {
    return size;
  }

  @Override
  public String toString() {
    return source + ": " + key;
  }

  /** Counts and digests what passes, and checks both at the end. */
  private final class Checked extends ReadThroughInputStream {
    private final MessageDigest digest = HashAlgorithm.SHA256.newDigest();
    private long count;
    private boolean checked;

    Checked(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n < 0) {
        check();
      } else {
        digest.update(b, off, n);
        count += n;
      }
      return n;
    }

    private void check() throws IOException {
      if (checked) {
        return;
      }
      checked = true;
      if (size.isPresent() && count != size.getAsLong()) {
        throw new IOException(
            key
                + " in the source is "
                + count
                + " bytes, but its index lists "
                + size.getAsLong()
                + "; run pinrepo verify on the source");
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      if (sha256.isPresent() && !sha256.get().equals(actual)) {
        throw new IOException(
            key
                + " in the source has SHA-256 "
                + actual
                + ", but its index lists "
                + sha256.get()
                + "; run pinrepo verify on the source");
      }
    }
  }
}
