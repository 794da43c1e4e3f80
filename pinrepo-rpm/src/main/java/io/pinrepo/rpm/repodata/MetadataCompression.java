package io.pinrepo.rpm.repodata;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

  /** A compressing stream over {@code out}; closing it finishes and closes {@code out}. */
  OutputStream compress(OutputStream out) throws IOException {
    return switch (this) {
      case GZIP -> new GZIPOutputStream(out, 1 << 16);
      case ZSTD -> new ZstdOutputStream(out, 3);
    };
  }
}
