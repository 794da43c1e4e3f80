package io.pinrepo.rpm.repodata;

import io.pinrepo.hash.HashAlgorithm;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Compresses one repodata document into a target stream while digesting both the XML and the
 * compressed bytes, in one pass and constant memory: what {@code repomd.xml} records about the file
 * ({@link #finish} returns it). The document's content-addressed name is known only then, so write
 * into a temporary place and store it under {@link RepomdRecord#location()} afterwards.
 *
 * <p>Closing this stream finishes it; the target is never closed (its opener closes it). Not
 * thread-safe.
 */
public final class MetadataOutput extends OutputStream {
  private final String type;
  private final MetadataCompression compression;
  private final Counting compressed;
  private final OutputStream compressor;
  private final MessageDigest open = HashAlgorithm.SHA256.newDigest();
  private long openSize;
  private RepomdRecord.Sizes finished;

  private MetadataOutput(String type, MetadataCompression compression, OutputStream target)
      throws IOException {
    this.type = type;
    this.compression = compression;
    this.compressed = new Counting(target);
    this.compressor = compression.compress(compressed);
  }

  /**
   * A stream that compresses what is written into {@code target}.
   *
   * @param type the document's type in repomd.xml: {@code primary}, {@code filelists}, {@code
   *     other}
   */
  public static MetadataOutput to(OutputStream target, String type, MetadataCompression compression)
      throws IOException {
    RepomdRecord.checkType(type);
    return new MetadataOutput(
        type,
        Objects.requireNonNull(compression, "compression"),
        Objects.requireNonNull(target, "target"));
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (finished != null) {
      throw new IOException("metadata output already finished");
    }
    open.update(b, off, len);
    openSize += len;
    compressor.write(b, off, len);
  }

  /**
   * Finishes the compressed stream (the target stays open) and returns the record for repomd.xml.
   *
   * @param timestamp the document's time, in seconds since the epoch
   */
  public RepomdRecord finish(long timestamp) throws IOException {
    if (finished == null) {
      compressor.close();
      finished =
          new RepomdRecord.Sizes(
              HexFormat.of().formatHex(compressed.digest.digest()),
              compressed.count,
              HexFormat.of().formatHex(open.digest()),
              openSize);
    }
    return RepomdRecord.of(type, compression, finished, timestamp);
  }

  /** Finishes the stream with a time of 0; the target stays open. */
  @Override
  public void close() throws IOException {
    if (finished == null) {
      finish(0);
    }
  }

  /** Counts and digests the compressed bytes; does not close the target. */
  private static final class Counting extends FilterOutputStream {
    private final MessageDigest digest = HashAlgorithm.SHA256.newDigest();
    private long count;

    Counting(OutputStream target) {
      super(target);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      digest.update(b, off, len);
      count += len;
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
