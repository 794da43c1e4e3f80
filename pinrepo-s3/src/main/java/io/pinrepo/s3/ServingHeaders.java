package io.pinrepo.s3;

import io.pinrepo.spi.ObjectKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Content-Type and Cache-Control an object is stored with, chosen from its key, because S3
 * serves them back as given: pip ignores an index page served as {@code binary/octet-stream}, and a
 * CDN in front of the bucket must not cache {@code InRelease} for a year.
 *
 * <p>Mutable tops (APT {@code InRelease}, {@code Release*}, legacy {@code Packages*} paths, PyPI
 * {@code index.html} and its JSON twin, {@code maven-metadata.xml*}) get a short max-age; package
 * files, {@code pool/} and {@code by-hash/} files are immutable.
 */
final class ServingHeaders {

  static final String SHORT = "public, max-age=60";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String OCTET_STREAM = "application/octet-stream";
  static final String PYPI_SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

  private static final String TEXT = "text/plain; charset=utf-8";

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("xml", "application/xml"),
          Map.entry("pom", "application/xml"),
          Map.entry("deb", "application/vnd.debian.binary-package"),
          Map.entry("udeb", "application/vnd.debian.binary-package"),
          Map.entry("dsc", TEXT),
          Map.entry("gz", "application/gzip"),
          Map.entry("tgz", "application/gzip"),
          Map.entry("xz", "application/x-xz"),
          Map.entry("bz2", "application/x-bzip2"),
          Map.entry("zst", "application/zstd"),
          Map.entry("asc", "application/pgp-signature"),
          Map.entry("sig", "application/pgp-signature"),
          Map.entry("jar", "application/java-archive"),
          Map.entry("war", "application/java-archive"),
          Map.entry("aar", "application/java-archive"),
          Map.entry("module", "application/json"),
          Map.entry("whl", "application/zip"),
          Map.entry("zip", "application/zip"),
          Map.entry("metadata", TEXT),
          Map.entry("md5", TEXT),
          Map.entry("sha1", TEXT),
          Map.entry("sha256", TEXT),
          Map.entry("sha512", TEXT),
          Map.entry("txt", TEXT));

  private static final List<String> IMMUTABLE_EXTENSIONS =
      List.of(
          "deb",
          "udeb",
          "dsc",
          "jar",
          "war",
          "aar",
          "pom",
          "module",
          "whl",
          "zip",
          "gz",
          "tgz",
          "bz2",
          "xz",
          "zst",
          "asc",
          "sig",
          "metadata",
          "md5",
          "sha1",
          "sha256",
          "sha512");

  private ServingHeaders() {}

  /** The Content-Type for {@code key}. */
  static String contentType(ObjectKey key) {
    String name = key.fileName();
    if (name.equals("InRelease") || name.equals("Release")) {
      return TEXT;
    }
    if (name.equals("Release.gpg")) {
      return "application/pgp-signature";
    }
    if (isDebianIndex(name) && extension(name).isEmpty()) {
      return TEXT;
    }
    String extension = extension(name);
    if (extension.equals("json") && key.segments().contains("simple")) {
      return PYPI_SIMPLE_JSON;
    }
    return BY_EXTENSION.getOrDefault(extension, OCTET_STREAM);
  }

  /** The Cache-Control for {@code key}. */
  static String cacheControl(ObjectKey key) {
    List<String> segments = key.segments();
    if (segments.contains("by-hash") || segments.get(0).equals("pool")) {
      return IMMUTABLE;
    }
    String name = key.fileName();
    if (isMutableTop(name)) {
      return SHORT;
    }
    return IMMUTABLE_EXTENSIONS.contains(extension(name)) ? IMMUTABLE : SHORT;
  }

  private static boolean isMutableTop(String name) {
    return name.equals("InRelease")
        || name.startsWith("Release")
        || isDebianIndex(name)
        || name.startsWith("maven-metadata.xml")
        || name.endsWith(".html")
        || name.endsWith(".json");
  }

  private static boolean isDebianIndex(String name) {
    return name.startsWith("Packages")
        || name.startsWith("Sources")
        || name.startsWith("Contents-")
        || name.startsWith("Translation-")
        || name.equals("Index");
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
