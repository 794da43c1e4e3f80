package io.pinrepo.debian;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZOutputStream;

/**
 * Which compressed forms of each {@code Packages} index are written, and how hard they are
 * compressed. Gzip is always written (every apt reads it), as a series of gzip members so that an
 * edit recompresses only what changed ({@link GzipMembers}); xz is optional because it costs far
 * more time than it saves bytes at high presets.
 *
 * @param gzipLevel the deflate level, 1 to 9
 * @param xzPreset the xz preset, 0 to 9, or -1 to write no {@code .xz}
 */
public record IndexCompression(int gzipLevel, int xzPreset) {

  /**
   * Gzip level 6 and no xz. Measured on a loaded 2-core machine with a 10,000-package index (6.6
   * MB, see CompressionCostTest): gzip -6 0.14 s; gzip -9 0.27 s for 0.2% fewer bytes; xz -1 adds
   * about 0.6 s for 4% fewer bytes than gzip, xz -6 about 3.4 s for 20% fewer. apt reads gzip, so
   * xz is left to those who ask for it ({@link #withXz(int)}).
   */
  public static final IndexCompression DEFAULT = new IndexCompression(6, -1);

  /** Validates the levels. */
  public IndexCompression {
    if (gzipLevel < 1 || gzipLevel > 9) {
      throw new IllegalArgumentException("gzip level must be 1 to 9: " + gzipLevel);
    }
    if (xzPreset < -1 || xzPreset > 9) {
      throw new IllegalArgumentException("xz preset must be 0 to 9, or -1 for none: " + xzPreset);
    }
  }

  /** Gzip only, no {@code .xz} files. */
  public static IndexCompression gzipOnly(int gzipLevel) {
    return new IndexCompression(gzipLevel, -1);
  }

  /** This setting with {@code .xz} files at {@code preset} (0 to 9) too. */
  public IndexCompression withXz(int preset) {
    if (preset < 0) {
      throw new IllegalArgumentException("xz preset must be 0 to 9: " + preset);
    }
    return new IndexCompression(gzipLevel, preset);
  }

  /**
   * The file names and bytes of {@code Packages} in every enabled form, in a fixed order, each
   * compressed form made on the common fork-join pool while the caller works on the forms before it
   * (compression is most of an add-one's CPU time from a few thousand packages on).
   */
  Map<String, CompletableFuture<byte[]>> filesConcurrently(byte[] packages) {
    return filesConcurrently(packages, null, null);
  }

  /**
   * As {@link #filesConcurrently(byte[])}, reusing the gzip members of {@code previousGz}, the
   * {@code Packages.gz} of {@code previous}, whose stanzas are unchanged (see {@link GzipMembers});
   * either may be null.
   */
  Map<String, CompletableFuture<byte[]>> filesConcurrently(
      byte[] packages, byte[] previous, byte[] previousGz) {
    Map<String, CompletableFuture<byte[]>> files = new LinkedHashMap<>();
    files.put("Packages", CompletableFuture.completedFuture(packages));
    files.put(
        "Packages.gz",
        CompletableFuture.supplyAsync(
            () -> GzipMembers.compress(packages, gzipLevel, previous, previousGz)));
    if (xzPreset >= 0) {
      files.put("Packages.xz", CompletableFuture.supplyAsync(() -> xz(packages)));
    }
    return files;
  }

  /** The bytes of one form from {@link #filesConcurrently}, with its failure as thrown. */
  static <T> T join(CompletableFuture<T> file) throws IOException {
    try {
      return file.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** The file names and bytes of {@code Packages} in every enabled form, in a fixed order. */
  Map<String, byte[]> files(byte[] packages) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<byte[]>> file :
        filesConcurrently(packages).entrySet()) {
      try {
        files.put(file.getKey(), join(file.getValue()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private byte[] xz(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (XZOutputStream xz = new XZOutputStream(out, options())) {
      xz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private LZMA2Options options() {
    try {
      return new LZMA2Options(xzPreset);
    } catch (UnsupportedOptionsException e) {
      throw new IllegalStateException("xz preset " + xzPreset, e);
    }
  }
}
