package io.pinrepo.cli;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.pointer.PointerName;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options that name a build line and a pointer, for {@code pinrepo build} and {@code pinrepo
 * pointer}. A malformed name is a usage error (exit 2). These commands take {@code --version} for a
 * build version, so they declare {@code --help} here instead of mixing in the standard options.
 */
final class BuildArgs {
  private BuildArgs() {}

  /** {@code --name N} and {@code --help}. */
  static final class Line {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    boolean help;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "N",
        converter = NameConverter.class,
        description = "The build line, e.g. web (a-z 0-9 . _ -).")
    BuildName name;
  }

  /** {@code --pointer P}. */
  static final class Pointer {
    @Option(
        names = "--pointer",
        required = true,
        paramLabel = "P",
        converter = PointerConverter.class,
        description = "The pointer, e.g. prod.")
    PointerName pointer;
  }

  /**
   * Refuses a count below 1 given to {@code option} as a usage error (exit 2).
   *
   * @return {@code value}
   */
  static int positive(CommandSpec spec, String option, int value) {
    if (value < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + " must be at least 1, not " + value);
    }
    return value;
  }

  static final class NameConverter implements CommandLine.ITypeConverter<BuildName> {
    @Override
    public BuildName convert(String value) {
      return convert(() -> BuildName.of(value));
    }

    static <T> T convert(java.util.function.Supplier<T> parse) {
      try {
        return parse.get();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  static final class VersionConverter implements CommandLine.ITypeConverter<BuildVersion> {
    @Override
    public BuildVersion convert(String value) {
      return NameConverter.convert(() -> BuildVersion.of(value));
    }
  }

  static final class PointerConverter implements CommandLine.ITypeConverter<PointerName> {
    @Override
    public PointerName convert(String value) {
      return NameConverter.convert(() -> PointerName.of(value));
    }
  }
}
