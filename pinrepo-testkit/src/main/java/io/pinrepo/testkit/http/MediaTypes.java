package io.pinrepo.testkit.http;

import java.util.Locale;
import java.util.Map;

/**
 * The content type a static host should send for a repository object, chosen by the key's file
 * name. The mapping is what an nginx or S3 configuration for a pinrepo repository should say too.
 */
public final class MediaTypes {

  /** The PEP 691 JSON form of a simple repository page. */
  public static final String PYPI_SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

  /** The PEP 691 HTML form of a simple repository page. */
  public static final String PYPI_SIMPLE_HTML = "application/vnd.pypi.simple.v1+html";

  /** What is sent for a name this class does not know. */
  public static final String DEFAULT = "application/octet-stream";

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("json", PYPI_SIMPLE_JSON),
          Map.entry("xml", "application/xml"),
          Map.entry("pom", "application/xml"),
          Map.entry("deb", "application/vnd.debian.binary-package"),
          Map.entry("gz", "application/gzip"),
          Map.entry("xz", "application/x-xz"),
          Map.entry("bz2", "application/x-bzip2"),
          Map.entry("zst", "application/zstd"),
          Map.entry("asc", "application/pgp-signature"),
          Map.entry("gpg", "application/pgp-signature"),
          Map.entry("jar", "application/java-archive"),
          Map.entry("whl", "application/zip"),
          Map.entry("zip", "application/zip"),
          Map.entry("metadata", "text/plain; charset=utf-8"),
          Map.entry("md5", "text/plain; charset=utf-8"),
          Map.entry("sha1", "text/plain; charset=utf-8"),
          Map.entry("sha256", "text/plain; charset=utf-8"),
          Map.entry("sha512", "text/plain; charset=utf-8"),
          Map.entry("txt", "text/plain; charset=utf-8"));

  private static final Map<String, String> BY_NAME =
      Map.of(
          "InRelease", "text/plain; charset=utf-8",
          "Release", "text/plain; charset=utf-8",
          "Packages", "text/plain; charset=utf-8",
          "Sources", "text/plain; charset=utf-8");

  private MediaTypes() {}

  /**
   * The content type for the object under {@code key} (a key or a plain file name): by the exact
   * file name for the APT index files without an extension, otherwise by the extension, ignoring
   * case; {@link #DEFAULT} when unknown.
   */
  public static String forKey(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    String byName = BY_NAME.get(name);
    if (byName != null) {
      return byName;
    }
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return DEFAULT;
    }
    return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
  }
}
