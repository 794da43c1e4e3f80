package io.pinrepo.rpm.header;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.hash.DigestingInputStream;
import io.pinrepo.hash.Digests;
import io.pinrepo.hash.HashAlgorithm;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Reads an RPM file in one streaming pass: the lead, the signature header and the main header (held
 * in memory, bounded by {@link ReadLimits}), then the payload, which is only digested. It checks
 * what rpm checks before it trusts a package: the structure of both headers, the header digests
 * (SHA-256, SHA-1) and the size, MD5 and payload digest that the signature header and header
 * record, so a truncated or altered file is refused. It does not check OpenPGP signatures,
 * decompress the payload or retrofit pre-rpm-4 headers. Thread-safe.
 */
public final class RpmReader {
  private static final int MAX_SIGNATURE_ENTRIES = 32;

  private final ReadLimits limits;

  /** A reader with {@link ReadLimits#DEFAULT}. */
  public RpmReader() {
    this(ReadLimits.DEFAULT);
  }

  /** A reader that holds no more than {@code limits} allow. */
  public RpmReader(ReadLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Reads the RPM file at {@code file}.
   *
   * @throws MalformedPackageException when it is not a well-formed RPM file or its digests do not
   *     match; the message names {@code file}
   */
  public RpmPackage read(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(file.toString(), in);
    }
  }

  /**
   * Reads an RPM file from {@code in} to its end; does not close it.
   *
   * @param source the file's name, for messages
   * @throws MalformedPackageException when it is not a well-formed RPM file or its digests do not
   *     match; the message names {@code source}
   */
  public RpmPackage read(String source, InputStream in) throws IOException {
    Objects.requireNonNull(source, "source");
    DigestingInputStream whole = new DigestingInputStream(Objects.requireNonNull(in, "in"));
    Lead.read(whole, source);
    HeaderBlob signature =
        HeaderBlob.read(
            whole,
            source,
            "signature header",
            Tags.HEADERSIGNATURES,
            MAX_SIGNATURE_ENTRIES,
            limits.maxSignatureBytes());
    int padding = (8 - signature.size() % 8) % 8;
    HeaderBlob.readFully(whole, padding, source, "signature header");
    long start = Lead.SIZE + signature.size() + padding;
    Tap headerAndPayload = new Tap(whole, HashAlgorithm.MD5.newDigest());
    HeaderBlob header =
        HeaderBlob.read(
            headerAndPayload,
            source,
            "header",
            Tags.HEADERIMMUTABLE,
            limits.maxHeaderEntries(),
            limits.maxHeaderBytes());
    PackageDecoder decoder = new PackageDecoder(source, header, signature);
    boolean sourcePackage = decoder.sourcePackage();
    var nevra = decoder.nevra();
    PackageInfo info = decoder.info();
    List<Dependency> dependencies = decoder.dependencies();
    List<PackageFile> files = decoder.files();
    List<ChangelogEntry> changelogs = decoder.changelogs();
    SignatureCheck check = new SignatureCheck(source, signature, header);
    check.headerDigests();
    Tap payload = new Tap(headerAndPayload, HashAlgorithm.SHA256.newDigest());
    payload.drain();
    check.sizeAndMd5(headerAndPayload.count(), headerAndPayload.digest());
    check.payloadDigest(payload.digest());
    Digests digests = whole.digests();
    return new RpmPackage(
        nevra,
        sourcePackage,
        info,
        dependencies,
        files,
        changelogs,
        new HeaderRange(start, start + header.size()),
        digests);
  }

  /** Compares what the signature header and header record with what the file holds. */
  private record SignatureCheck(String source, HeaderBlob signature, HeaderBlob header) {

    void headerDigests() throws IOException {
      byte[] bytes = header.bytes();
      compare(Tags.SIG_SHA256HEADER, HashAlgorithm.SHA256, bytes, "header SHA-256 digest");
      compare(Tags.SIG_SHA1HEADER, HashAlgorithm.SHA1, bytes, "header SHA-1 digest");
    }

    void payloadDigest(byte[] sha256) throws IOException {
      List<String> recorded = header.strings(Tags.PAYLOADDIGEST);
      long algorithm = header.number(Tags.PAYLOADDIGESTALGO, Tags.DIGEST_SHA256);
      if (!recorded.isEmpty() && algorithm == Tags.DIGEST_SHA256) {
        if (!recorded.get(0).equalsIgnoreCase(HexFormat.of().formatHex(sha256))) {
          throw new MalformedPackageException(
              source, "payload SHA-256 digest does not match the header");
        }
      }
    }

    void sizeAndMd5(long size, byte[] md5) throws IOException {
      long recorded =
          signature.has(Tags.SIG_LONGSIZE)
              ? signature.number(Tags.SIG_LONGSIZE, -1)
              : signature.number(Tags.SIG_SIZE, -1);
      if (recorded >= 0 && recorded != size) {
        throw new MalformedPackageException(
            source,
            (size < recorded ? "truncated: " : "trailing bytes: ")
                + "header and payload are "
                + size
                + " bytes, the signature header says "
                + recorded);
      }
      byte[] expected = signature.binary(Tags.SIG_MD5);
      if (expected.length > 0 && !java.security.MessageDigest.isEqual(expected, md5)) {
        throw new MalformedPackageException(source, "MD5 digest does not match the signature");
      }
    }

    private void compare(int tag, HashAlgorithm algorithm, byte[] bytes, String what)
        throws IOException {
      String recorded = signature.string(tag);
      if (recorded.isEmpty()) {
        return;
      }
      var digest = algorithm.newDigest();
      String actual = HexFormat.of().formatHex(digest.digest(bytes));
      if (!recorded.equalsIgnoreCase(actual)) {
        throw new MalformedPackageException(source, what + " does not match the signature header");
      }
    }
  }
}
