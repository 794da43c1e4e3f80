package io.pinrepo.build.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one timestamp form build documents use: UTC with exactly three fractional digits, e.g. {@code
 * 2025-01-02T03:04:05.678Z}, so that the same instant always renders to the same bytes.
 */
public final class Times {
  private Times() {}

  private static final DateTimeFormatter FORM =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** {@code instant} to millisecond precision, as written. */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  /** Renders {@code instant}, truncated to milliseconds. */
  public static String format(Instant instant) {
    return FORM.format(truncate(instant));
  }

  /** Parses a timestamp in any ISO-8601 instant form; throws naming {@code field}. */
  public static Instant parse(String text, String field) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field '" + field + "' is not a UTC time: " + text, e);
    }
  }
}
