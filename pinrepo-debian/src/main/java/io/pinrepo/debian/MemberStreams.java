package io.pinrepo.debian;

import io.pinrepo.MalformedPackageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Opens the tar inside a .deb member ({@code control.tar[.gz|.xz|.zst]}, {@code
 * data.tar[.gz|.xz|.zst|.bz2|.lzma]}) by its name, with bounds against decompression bombs: a
 * control archive may expand to {@link #MAX_CONTROL_TAR_BYTES}, a data archive to {@link
 * #DATA_RATIO} times its compressed size (past {@link #DATA_FLOOR}); xz and lzma data that would
 * need more than {@link #MAX_DICTIONARY_KIB} KiB of memory is refused before it is allocated.
 */
final class MemberStreams {

  /** The most a control archive may decompress to. */
  static final long MAX_CONTROL_TAR_BYTES = 64L << 20;

  /** A data archive may always decompress to this much. */
  static final long DATA_FLOOR = 256L << 20;

  /** Past {@link #DATA_FLOOR}, how many times its compressed size a data archive may expand. */
  static final int DATA_RATIO = 200;

  /** The most memory an xz or lzma decoder may need: enough for {@code xz -9}'s 64 MiB. */
  static final int MAX_DICTIONARY_KIB = 96 << 10;

  /**
   * Where xz and lzma decoders take their dictionaries and give them back on close. A decoder
   * allocates the whole dictionary its header names, whatever the member's size: dpkg-deb's default
   * {@code xz -6} names 8 MiB, so without reuse every package read zeroes 16 MiB for a control and
   * a data member of a few KiB.
   */
  private static final ArrayCache DICTIONARIES = BasicArrayCache.getInstance();

  private MemberStreams() {}

  /** The tar of a control member, bounded. */
  static InputStream control(String member, InputStream compressed, String source)
      throws IOException {
    String suffix = suffix(member, "control.tar", source);
    if (suffix.equals(".bz2") || suffix.equals(".lzma")) {
      throw unsupported(member, source);
    }
    return new Bounded(decompress(suffix, compressed, member, source), null, member, source);
  }

  /** The tar of a data member, bounded by its expansion ratio. */
  static InputStream data(String member, InputStream compressed, String source) throws IOException {
    String suffix = suffix(member, "data.tar", source);
    Counting counted = new Counting(compressed);
    return new Bounded(decompress(suffix, counted, member, source), counted, member, source);
  }

  private static String suffix(String member, String base, String source)
      throws MalformedPackageException {
    String suffix = member.substring(base.length());
    return switch (suffix) {
      case "", ".gz", ".xz", ".zst", ".bz2", ".lzma" -> suffix;
      default -> throw unsupported(member, source);
    };
  }

  private static MalformedPackageException unsupported(String member, String source) {
    return new MalformedPackageException(
        source, "member " + member + " is not a tar archive in a compression dpkg reads");
  }

  private static InputStream decompress(
      String suffix, InputStream compressed, String member, String source) throws IOException {
    // Closing the decompressor gives back its dictionary or native memory now; the archive stream
    // underneath stays open for the digesting pass.
    InputStream in = new CloseShield(compressed);
    try {
      return switch (suffix) {
        case ".gz" -> new GzipCompressorInputStream(in, true);
        case ".xz" -> new XZInputStream(in, MAX_DICTIONARY_KIB, DICTIONARIES);
        case ".zst" -> new ZstdCompressorInputStream(in);
        case ".bz2" -> new BZip2CompressorInputStream(in, true);
        case ".lzma" -> new LZMAInputStream(in, MAX_DICTIONARY_KIB, DICTIONARIES);
        default -> in;
      };
    } catch (MalformedPackageException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw DebReader.corrupt(member, source, e);
    }
  }

  /** Counts the compressed bytes a decompressor has consumed. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }

  /** Leaves the stream underneath open when closed. */
  private static final class CloseShield extends FilterInputStream {
    CloseShield(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the caller closes the stream underneath
    }
  }

  /** Fails, naming the member, once the decompressed bytes pass the bound. */
  private static final class Bounded extends FilterInputStream {
    private final Counting compressed;
    private final String member;
    private final String source;
    private long expanded;

    Bounded(InputStream in, Counting compressed, String member, String source) {
      super(in);
      this.compressed = compressed;
      this.member = member;
      this.source = source;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        expanded += n;
        check();
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
      return Math.max(read(buffer, 0, (int) Math.min(buffer.length, n)), 0);
    }

    private void check() throws MalformedPackageException {
      if (compressed == null && expanded > MAX_CONTROL_TAR_BYTES) {
        throw new MalformedPackageException(
            source,
            member
                + " expands to more than "
                + (MAX_CONTROL_TAR_BYTES >> 20)
                + " MiB, far more than any control archive: a decompression bomb");
      }
      if (compressed != null
          && expanded > DATA_FLOOR
          && expanded > DATA_RATIO * Math.max(compressed.count, 1)) {
        throw new MalformedPackageException(
            source,
            member
                + " expands more than "
                + DATA_RATIO
                + " times (over "
                + (expanded >> 20)
                + " MiB from "
                + compressed.count
                + " bytes): a decompression bomb");
      }
    }
  }
}
