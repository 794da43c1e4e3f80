package io.pinrepo.rpm.repodata;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** How repodata documents are compressed. Both are deterministic: same XML, same bytes. */
public enum MetadataCompression {
  /** gzip, which every dnf and yum reads; createrepo_c's default. */
  GZIP("gz"),
  /** Zstandard (level 3), which dnf reads when its libsolv and librepo were built with zstd. */
  ZSTD("zst");

  private final String extension;

  MetadataCompression(String extension) {
    this.extension = extension;
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /**
   * The compression a repodata file's name says it has ({@code .gz}, {@code .zst}); empty for any
   * other name.
   */
  public static Optional<MetadataCompression> ofFileName(String name) {
    for (MetadataCompression c : values()) {
      if (name.endsWith("." + c.extension)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** A decompressing stream over {@code in}; closing it closes {@code in}. */
  InputStream decompress(InputStream in) throws IOException {
    return switch (this) {
      case GZIP -> new GZIPInputStream(in, 1 << 16);
      case ZSTD -> new ZstdInputStream(in);
    };
  }

  /** A compressing stream over {@code out}; closing it finishes and closes {@code out}. */
  OutputStream compress(OutputStream out) throws IOException {
    return switch (this) {
      case GZIP -> new GZIPOutputStream(out, 1 << 16);
      case ZSTD -> new ZstdOutputStream(out, 3);
    };
  }
}
