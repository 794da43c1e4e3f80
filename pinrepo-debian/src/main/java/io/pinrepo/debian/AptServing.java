package io.pinrepo.debian;

import io.pinrepo.serving.CachePolicy;
import io.pinrepo.serving.ContentTypes;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ObjectKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How APT's objects are served, from the key alone: everything under {@code dists/} and {@code
 * pool/}. {@code InRelease}, {@code Release*} and the index files at their legacy paths change on
 * every publish, so a CDN keeps them a minute; by-hash and pool files never change. apt itself
 * ignores the content type, but browsers and caches do not.
 */
final class AptServing {
  private static final String DEB = "application/vnd.debian.binary-package";

  /** Extensions of files that never change once written, outside the index paths. */
  private static final Set<String> IMMUTABLE_EXTENSIONS =
      Set.of(
          "deb", "udeb", "dsc", "gz", "tgz", "bz2", "xz", "zst", "zip", "asc", "sig", "md5", "sha1",
          "sha256", "sha512");

  private AptServing() {}

  /** How {@code key} is served, when it is under {@code dists/} or {@code pool/}. */
  static Optional<ServingMetadata> of(ObjectKey key) {
    List<String> segments = key.segments();
    if (!segments.get(0).equals("dists") && !segments.get(0).equals("pool")) {
      return Optional.empty();
    }
    return Optional.of(new ServingMetadata(contentType(key.fileName()), cachePolicy(segments)));
  }

  private static String contentType(String name) {
    String extension = ContentTypes.extension(name);
    if (name.equals("InRelease") || name.equals("Release")) {
      return ContentTypes.TEXT;
    }
    if (isIndex(name) && extension.isEmpty()) {
      return ContentTypes.TEXT;
    }
    return switch (extension) {
      case "deb", "udeb" -> DEB;
      case "dsc" -> ContentTypes.TEXT;
      default -> ContentTypes.ofFileName(name).orElse(ServingMetadata.UNKNOWN.contentType());
    };
  }

  private static CachePolicy cachePolicy(List<String> segments) {
    String name = segments.get(segments.size() - 1);
    if (segments.get(0).equals("pool") || segments.contains("by-hash")) {
      return CachePolicy.IMMUTABLE;
    }
    if (name.startsWith("Release") || name.equals("InRelease") || isIndex(name)) {
      return CachePolicy.SHORT;
    }
    return IMMUTABLE_EXTENSIONS.contains(ContentTypes.extension(name))
        ? CachePolicy.IMMUTABLE
        : CachePolicy.SHORT;
  }

  /** The index files apt fetches at fixed names beside their by-hash copies. */
  private static boolean isIndex(String name) {
    return name.startsWith("Packages")
        || name.startsWith("Sources")
        || name.startsWith("Contents-")
        || name.startsWith("Translation-")
        || name.equals("Index");
  }
}
