package io.pinrepo.cli;

import io.pinrepo.access.AccessRecord;
import picocli.CommandLine;

/**
 * A {@code NAME=VALUE} argument of the mirror commands ({@code --region eu=s3://b/eu}, {@code
 * --public-url eu=https://eu.example/}).
 *
 * @param name the region's name
 * @param value what follows the {@code =}
 */
record RegionSpec(String name, String value) {

  /** Reads {@code NAME=VALUE}, checking the name. */
  static final class Converter implements CommandLine.ITypeConverter<RegionSpec> {
    @Override
    public RegionSpec convert(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0 || eq == text.length() - 1) {
        throw new CommandLine.TypeConversionException(
            "'" + text + "' is not NAME=VALUE, such as eu=s3://bucket/eu");
      }
      String name = text.substring(0, eq);
      if (!AccessRecord.isRegionName(name)) {
        throw new CommandLine.TypeConversionException(
            "region name '"
                + name
                + "': use letters, digits, '.', '_' or '-', starting with a letter or digit");
      }
      return new RegionSpec(name, text.substring(eq + 1));
    }
  }
}
