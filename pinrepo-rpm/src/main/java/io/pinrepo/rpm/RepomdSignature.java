package io.pinrepo.rpm;

import io.pinrepo.hash.Digests;
import io.pinrepo.sign.Signer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code repomd.xml.asc}: an armored detached signature of {@code repomd.xml}, which dnf checks
 * with {@code repo_gpgcheck=1}. Signatures differ each time they are made, so to tell a current one
 * from one a crashed or overtaken publisher left behind without the public key, the armor carries a
 * {@code Comment:} header (RFC 4880, 6.2; gpg and gpgme read past it) naming the SHA-256 of the
 * repomd.xml signed.
 */
final class RepomdSignature {
  private static final String BEGIN = "-----BEGIN PGP SIGNATURE-----";
  private static final Pattern MARK =
      Pattern.compile("^Comment: repomd\\.xml sha256 ([0-9a-f]{64})$", Pattern.MULTILINE);

  private RepomdSignature() {}

  /** The signature of {@code repomd}, marked with its SHA-256. */
  static byte[] sign(Signer signer, byte[] repomd) throws IOException {
    String armored =
        new String(
            signer.detachedSignature(new ByteArrayInputStream(repomd)), StandardCharsets.US_ASCII);
    int begin = armored.indexOf(BEGIN);
    int lineEnd = begin < 0 ? -1 : armored.indexOf('\n', begin);
    if (lineEnd < 0) {
      throw new IOException("the signer's detached signature is not ASCII-armored");
    }
    String marked =
        armored.substring(0, lineEnd + 1)
            + "Comment: repomd.xml sha256 "
            + Digests.of(repomd).sha256()
            + "\n"
            + armored.substring(lineEnd + 1);
    return marked.getBytes(StandardCharsets.US_ASCII);
  }

  /** The SHA-256 of the repomd.xml {@code signature} says it signs, when it is marked. */
  static Optional<String> signedSha256(byte[] signature) {
    Matcher m = MARK.matcher(new String(signature, StandardCharsets.US_ASCII).replace("\r", ""));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Whether {@code signature} is marked as signing exactly {@code repomd}. */
  static boolean signs(byte[] signature, byte[] repomd) {
    return signedSha256(signature).equals(Optional.of(Digests.of(repomd).sha256()));
  }
}
