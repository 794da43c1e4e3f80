package io.pinrepo.s3;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import software.amazon.awssdk.http.SdkHttpResponse;

/** Reads the fields pinrepo needs out of S3 responses, the same way for every operation. */
final class S3Responses {

  private S3Responses() {}

  /**
   * The version token for an ETag: the ETag without its quotes, so that tokens from HEAD, GET, PUT
   * and listings compare equal whichever way a server quotes them.
   */
  static String token(String eTag) {
    if (eTag == null || eTag.isEmpty()) {
      throw new IllegalStateException("S3 response without an ETag");
    }
    String t = eTag.startsWith("W/") ? eTag.substring(2) : eTag;
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1);
    }
    return t;
  }

  /** A version token as an {@code If-Match} value: a quoted ETag. */
  static String quoted(String token) {
    return "\"" + token + "\"";
  }

  /**
   * The object's full size: the total of a {@code Content-Range: bytes a-b/total} header when the
   * read was ranged, else the content length.
   */
  static long totalSize(String contentRange, Long contentLength) {
    if (contentRange != null) {
      int slash = contentRange.lastIndexOf('/');
      if (slash >= 0 && !contentRange.endsWith("*")) {
        return Long.parseLong(contentRange.substring(slash + 1).trim());
      }
    }
    if (contentLength == null) {
      throw new IllegalStateException("S3 response without a content length");
    }
    return contentLength;
  }

  /**
   * When the server answered, from its {@code Date} header (S3 reports no Last-Modified on writes);
   * the clock's time if the header is missing or unreadable.
   */
  static Instant date(SdkHttpResponse response, Clock clock) {
    return response
        .firstMatchingHeader("Date")
        .flatMap(S3Responses::parseHttpDate)
        .orElseGet(clock::instant);
  }

  private static java.util.Optional<Instant> parseHttpDate(String value) {
    try {
      return java.util.Optional.of(
          ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }
}
