package io.pinrepo.rpm.repodata;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.hash.ReadThroughInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Reads one repodata document as {@code repomd.xml} records it, the reverse of {@link
 * MetadataOutput}: decompresses the file by its name ({@code .gz}, {@code .zst}, or plain {@code
 * .xml}), refuses to yield more than the recorded open size (or a ceiling, when none is recorded),
 * and {@link #finish} checks the size and SHA-256 of both the file and its content against the
 * record. A reader that trusts the bytes only after {@link #finish} returns never acts on a
 * document that is not the one repomd.xml names.
 *
 * <p>Closing this stream does not close the file stream (its opener closes it). Not thread-safe.
 */
public final class MetadataInput extends InputStream {
  private static final int DRAIN_BUFFER = 1 << 16;

  private final String source;
  private final RepomdRecord record;
  private final long maxOpen;
  private final Counted file;
  private final InputStream content;
  private final MessageDigest open = HashAlgorithm.SHA256.newDigest();
  private long openSize;

  private MetadataInput(String source, RepomdRecord record, long maxOpen, Counted file)
      throws IOException {
    this.source = source;
    this.record = record;
    this.maxOpen = maxOpen;
    this.file = file;
    String name = record.location();
    if (name.endsWith(".xml")) {
      this.content = file;
    } else {
      MetadataCompression compression =
          MetadataCompression.ofFileName(name)
              .orElseThrow(
                  () ->
                      new MalformedPackageException(
                          source,
                          "compressed in a way pinrepo does not read (gzip and zstd only)"));
      try {
        this.content = compression.decompress(file);
      } catch (IOException e) {
        throw new MalformedPackageException(source, "not " + compression + " data", e);
      }
    }
  }

  /**
   * Starts reading {@code file}, the bytes stored at {@code record}'s location.
   *
   * @param source the file's name, for messages
   * @param maxOpenBytes the most uncompressed bytes accepted when the record states no open size
   * @throws MalformedPackageException when the file's name says a compression that is not read, or
   *     its first bytes are not that compression
   */
  public static MetadataInput open(
      String source, InputStream file, RepomdRecord record, long maxOpenBytes) throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(record, "record");
    if (maxOpenBytes < 0) {
      throw new IllegalArgumentException("negative maxOpenBytes " + maxOpenBytes);
    }
    long limit = record.openSize() >= 0 ? Math.min(record.openSize(), maxOpenBytes) : maxOpenBytes;
    return new MetadataInput(
        source, record, limit, new Counted(Objects.requireNonNull(file, "file"), source, record));
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = content.read(b, off, len);
    } catch (MalformedPackageException e) {
      throw e;
    } catch (IOException e) {
      throw new MalformedPackageException(source, "cannot be decompressed: " + e.getMessage(), e);
    }
    if (n > 0) {
      openSize += n;
      if (openSize > maxOpen) {
        throw new MalformedPackageException(
            source, "holds more than the " + maxOpen + " bytes repomd.xml allows it");
      }
      open.update(b, off, n);
    }
    return n;
  }

  /**
   * Reads what is left of the document and of the file, then checks both against the record.
   *
   * @throws MalformedPackageException when a size or SHA-256 differs from what repomd.xml records
   */
  public void finish() throws IOException {
    byte[] buffer = new byte[DRAIN_BUFFER];
    while (read(buffer, 0, buffer.length) >= 0) {
      // drain the document
    }
    while (file.read(buffer, 0, buffer.length) >= 0) {
      // and whatever follows it in the file
    }
    String sha256 = HexFormat.of().formatHex(file.digest.digest());
    if (file.count != record.size() || !sha256.equals(record.checksum())) {
      throw new MalformedPackageException(
          source,
          "is "
              + file.count
              + " bytes with sha256 "
              + sha256
              + ", repomd.xml says "
              + record.size()
              + " bytes with sha256 "
              + record.checksum());
    }
    if ((record.openSize() >= 0 && openSize != record.openSize())
        || (!record.openChecksum().isEmpty()
            && !HexFormat.of().formatHex(open.digest()).equals(record.openChecksum()))) {
      throw new MalformedPackageException(
          source, "its uncompressed content differs from repomd.xml's open-size or open-checksum");
    }
  }

  /** Closes the decompressor; the file stream stays open. */
  @Override
  public void close() throws IOException {
    if (content != file) {
      content.close();
    }
  }

  /** Counts and digests the file's bytes; never closes the file stream. */
  private static final class Counted extends ReadThroughInputStream {
    private final MessageDigest digest = HashAlgorithm.SHA256.newDigest();
    private final String source;
    private final long size;
    private long count;

    Counted(InputStream in, String source, RepomdRecord record) {
      super(in);
      this.source = source;
      this.size = record.size();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
        if (count > size) {
          throw new MalformedPackageException(
              source, "is larger than the " + size + " bytes repomd.xml says");
        }
        digest.update(b, off, n);
      }
      return n;
    }

    @Override
    public void close() {
      // the opener closes the file stream
    }
  }
}
