package io.pinrepo.debian;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.debian.control.ControlParagraph;
import io.pinrepo.hash.DigestingInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Reads a .deb in one streamed pass: the control paragraph from {@code control.tar[.gz|.xz|.zst]}
 * and the digests of the whole file. Memory use is bounded by {@link #MAX_CONTROL_BYTES} whatever
 * the package's size.
 */
final class DebReader {

  /** The largest control file accepted. */
  static final int MAX_CONTROL_BYTES = 1 << 20;

  /** The most bytes a control.tar may decompress to (guards against compression bombs). */
  static final long MAX_CONTROL_TAR_BYTES = 64L << 20;

  private DebReader() {}

  static DebPackage read(InputStream raw, String source) throws IOException {
    DigestingInputStream digesting = new DigestingInputStream(new BufferedInputStream(raw));
    ControlParagraph control;
    try {
      ArArchiveInputStream ar = new ArArchiveInputStream(digesting);
      checkFormat(ar, source);
      control = readControl(ar, source);
    } catch (MalformedPackageException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw MalformedPackageException.unreadable(source, "Debian package", e);
    }
    return DebPackage.of(control, digesting.digests(), source);
  }

  private static void checkFormat(ArArchiveInputStream ar, String source) throws IOException {
    ArArchiveEntry first = ar.getNextEntry();
    if (first == null || !name(first).equals("debian-binary")) {
      throw new MalformedPackageException(source, "not a Debian package (no debian-binary first)");
    }
    String version = new String(ar.readNBytes(16), StandardCharsets.US_ASCII);
    if (!version.startsWith("2.")) {
      throw new MalformedPackageException(
          source, "unsupported package format '" + version.strip() + "' (need 2.x)");
    }
  }

  private static ControlParagraph readControl(ArArchiveInputStream ar, String source)
      throws IOException {
    ArArchiveEntry entry = ar.getNextEntry();
    while (entry != null && name(entry).startsWith("_")) {
      entry = ar.getNextEntry();
    }
    if (entry == null || !name(entry).startsWith("control.tar")) {
      throw new MalformedPackageException(source, "no control.tar member after debian-binary");
    }
    InputStream tarBytes =
        new Limited(decompress(name(entry), ar, source), MAX_CONTROL_TAR_BYTES, source);
    TarArchiveInputStream tar = new TarArchiveInputStream(tarBytes);
    for (TarArchiveEntry t = tar.getNextEntry(); t != null; t = tar.getNextEntry()) {
      String name = t.getName();
      if (name.equals("./control") || name.equals("control")) {
        if (!t.isFile() || t.getSize() > MAX_CONTROL_BYTES) {
          throw new MalformedPackageException(
              source, "control file is not a regular file of at most 1 MiB");
        }
        return parse(tar.readNBytes((int) t.getSize()), source);
      }
    }
    throw new MalformedPackageException(source, "no control file in " + name(entry));
  }

  private static InputStream decompress(String member, InputStream in, String source)
      throws IOException {
    return switch (member) {
      case "control.tar" -> in;
      case "control.tar.gz" -> new GzipCompressorInputStream(in);
      case "control.tar.xz" -> new XZCompressorInputStream(in);
      case "control.tar.zst" -> new ZstdCompressorInputStream(in);
      default ->
          throw new MalformedPackageException(source, "unsupported control member " + member);
    };
  }

  private static ControlParagraph parse(byte[] bytes, String source) throws IOException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedPackageException(source, "control file is not UTF-8", e);
    }
    try {
      return ControlParagraph.parse(text, source);
    } catch (MalformedPackageException e) {
      throw new MalformedPackageException(source, "control file " + e.problem(), e);
    }
  }

  private static String name(ArArchiveEntry entry) {
    String name = entry.getName().strip();
    return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }

  /** Fails once more than {@code limit} bytes have been read. */
  private static final class Limited extends FilterInputStream {
    private final String source;
    private long remaining;

    Limited(InputStream in, long limit, String source) {
      super(in);
      this.remaining = limit;
      this.source = source;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(Math.max(n, 0));
      return n;
    }

    @Override
    public void close() {
      // the ar stream underneath stays open for the digesting pass
    }

    private void count(int n) throws IOException {
      remaining -= n;
      if (remaining < 0) {
        throw new MalformedPackageException(
            source,
            "control.tar decompresses to more than "
                + (MAX_CONTROL_TAR_BYTES >> 20)
                + " MiB (refused as a decompression bomb)");
      }
    }
  }
}
