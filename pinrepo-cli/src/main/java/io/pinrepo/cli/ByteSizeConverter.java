package io.pinrepo.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads byte counts written as a number with an optional binary unit: {@code 1048576}, {@code
 * 512K}, {@code 100M}, {@code 20G}, {@code 1T} (also {@code KiB}, {@code MiB}...).
 */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
  private static final Pattern FORM = Pattern.compile("(\\d{1,15})\\s*(|k|m|g|t)(i?b)?");

  @Override
  public Long convert(String value) {
    Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || (m.group(2).isEmpty() && m.group(3) != null && !m.group(3).equals("b"))) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a size such as 1048576, 512K, 100M or 20G");
    }
    int shift =
        switch (m.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          default -> 0;
        };
    long n = Long.parseLong(m.group(1));
    if (n > (Long.MAX_VALUE >> shift)) {
      throw new CommandLine.TypeConversionException("'" + value + "' is too large");
    }
    return n << shift;
  }
}
