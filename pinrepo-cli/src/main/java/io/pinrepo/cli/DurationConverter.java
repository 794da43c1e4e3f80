package io.pinrepo.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations written as a number and a unit: {@code 90s}, {@code 30m}, {@code 24h}, {@code
 * 7d}.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  /**
   * {@code d} as this converter reads it back, in its largest whole unit ({@code 0s}, {@code 30m},
   * {@code 24h}, {@code 7d}; a single day stays {@code 24h}, as the default is written).
   */
  static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    if (d.toMillisPart() != 0) {
      return d.toMillis() + "ms";
    }
    long seconds = d.toSeconds();
    if (seconds % 86_400 == 0 && seconds > 86_400) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value.trim());
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration such as 0s, 30m, 24h or 7d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
