package io.pinrepo.mirror;

import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.PresignedUrls;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A named region: the storage its copies live in and how clients reach them, by the configured
 * public base URL when there is one, else by presigned URLs.
 */
record Region(String name, Storage storage, Optional<URI> publicBase) {

  Region {
    if (publicBase.isEmpty() && !(storage instanceof PresignedUrls)) {
      throw new IllegalArgumentException(
          "region "
              + name
              + ": "
              + storage
              + " cannot presign URLs, so the region needs a public base URL");
    }
    publicBase.ifPresent(Region::checkBase);
  }

  /** Where a client reads the copy of {@code key}. */
  URI url(ObjectKey key, Duration validity) throws IOException {
    if (publicBase.isPresent()) {
      return URI.create(publicBase.get().toASCIIString() + encodePath(key));
    }
    return ((PresignedUrls) storage).presignGet(key, validity);
  }

  /** {@code key} with every byte outside the unreserved set of RFC 3986 percent-encoded. */
  static String encodePath(ObjectKey key) {
    StringBuilder sb = new StringBuilder();
    for (byte b : key.value().getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '/') {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return sb.toString();
  }

  private static void checkBase(URI base) {
    String scheme = base.getScheme();
    if (!base.isAbsolute()
        || !("http".equals(scheme) || "https".equals(scheme))
        || base.getRawQuery() != null
        || base.getRawFragment() != null
        || !base.getRawPath().endsWith("/")) {
      throw new IllegalArgumentException(
          "public base URL " + base + ": expected http(s)://HOST[/PATH]/ ending with '/'");
    }
  }
}
