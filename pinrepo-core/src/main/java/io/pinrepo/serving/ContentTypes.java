package io.pinrepo.serving;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Content types of file-name extensions that mean the same in every format (compression, markup,
 * signatures, checksums), for formats to build their {@link ServingPolicy} on. Format-specific
 * extensions ({@code .deb}, {@code .jar}, {@code .whl}) are the formats' own business.
 */
public final class ContentTypes {

  /** Plain UTF-8 text. */
  public static final String TEXT = "text/plain; charset=utf-8";

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("xml", "application/xml"),
          Map.entry("gz", "application/gzip"),
          Map.entry("tgz", "application/gzip"),
          Map.entry("xz", "application/x-xz"),
          Map.entry("bz2", "application/x-bzip2"),
          Map.entry("zst", "application/zstd"),
          Map.entry("zip", "application/zip"),
          Map.entry("tar", "application/x-tar"),
          Map.entry("asc", "application/pgp-signature"),
          Map.entry("sig", "application/pgp-signature"),
          Map.entry("gpg", "application/pgp-signature"),
          Map.entry("txt", TEXT),
          Map.entry("md5", TEXT),
          Map.entry("sha1", TEXT),
          Map.entry("sha256", TEXT),
          Map.entry("sha512", TEXT));

  private ContentTypes() {}

  /** The content type of {@code fileName}'s extension, when it is one of the generic ones. */
  public static Optional<String> ofFileName(String fileName) {
    return Optional.ofNullable(BY_EXTENSION.get(extension(fileName)));
  }

  /** The extension of {@code fileName} after its last dot, lower case; empty text for none. */
  public static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
