package io.pinrepo.cli;

import io.pinrepo.s3.S3Location;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Where {@code --repo} points, as the user wrote it: a local directory ({@code DIR} or {@code
 * file:DIR}) or an S3 bucket and prefix ({@code s3://BUCKET[/PREFIX]}). Anything else that looks
 * like a URL ({@code s3:/b}, {@code s3://}, {@code http://...}) is refused as a usage error rather
 * than taken for a directory of that odd name; such a directory is still reachable as {@code
 * ./NAME} or {@code file:NAME}.
 */
sealed interface RepoLocation {

  /** The option's value as given, for messages. */
  String text();

  /** A directory on this machine. */
  record Local(String text, Path directory) implements RepoLocation {
    @Override
    public String toString() {
      return text; // as picocli shows a value; also spares a cold JVM the record's generated one
    }
  }

  /** A bucket and key prefix in S3 or an S3-compatible store. */
  record S3(String text, S3Location location) implements RepoLocation {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A URL scheme: two characters or more, so that {@code C:\repo} stays a path. */
  Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]+):");

  String FORMS = "give DIR, file:DIR or s3://BUCKET[/PREFIX]";

  /**
   * Reads an option value.
   *
   * @throws IllegalArgumentException saying what is wrong with {@code text} and what to write
   */
  static RepoLocation parse(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("the repository is empty; " + FORMS);
    }
    Matcher scheme = SCHEME.matcher(text);
    if (!scheme.find()) {
      return new Local(text, path(text, text));
    }
    switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
      case "file" -> {
        String path =
            text.startsWith("file://")
                ? text.substring("file://".length())
                : text.substring("file:".length());
        if (path.isEmpty()) {
          throw new IllegalArgumentException("'" + text + "' names no directory; " + FORMS);
        }
        return new Local(text, path(text, path));
      }
      case "s3" -> {
        if (!text.startsWith("s3://")) {
          throw new IllegalArgumentException(
              "'" + text + "' is not an S3 URL: write s3://BUCKET[/PREFIX]");
        }
        try {
          return new S3(text, S3Location.parse(text));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "'"
                  + text
                  + "' is not an S3 URL ("
                  + e.getMessage()
                  + "): write s3://BUCKET[/PREFIX]",
              e);
        }
      }
      default ->
          throw new IllegalArgumentException(
              "'"
                  + text
                  + "': pinrepo cannot reach "
                  + scheme.group(1)
                  + ": URLs; "
                  + FORMS
                  + " (./"
                  + text
                  + " for a directory of that name)");
    }
  }

  private static Path path(String text, String path) {
    try {
      return Path.of(path);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + text + "' cannot be a path: " + e.getReason(), e);
    }
  }

  /** Makes {@code --repo} values into locations; a bad one is a usage error (exit status 2). */
  final class Converter implements CommandLine.ITypeConverter<RepoLocation> {
    @Override
    public RepoLocation convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
