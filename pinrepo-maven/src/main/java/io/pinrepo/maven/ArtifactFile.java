package io.pinrepo.maven;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.maven.internal.Printable;
import io.pinrepo.spi.ContentSource;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a deploy besides the POM: the main artifact (no classifier) or a classified one
 * ({@code sources}, {@code javadoc}, ...), of any extension.
 *
 * @param classifier the classifier; empty for the main artifact
 * @param extension the extension without the leading dot, such as {@code jar} or {@code tar.gz}
 * @param content the bytes
 * @param source the file as the user named it, for messages
 */
public record ArtifactFile(
    String classifier, String extension, ContentSource content, String source) {

  static final Pattern CLASSIFIER = Pattern.compile("[A-Za-z0-9_\\-]*");
  static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");

  /** Validates classifier and extension: letters, digits, {@code _ -}, dots between parts. */
  public ArtifactFile {
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(source, "source");
    String problem = problem(classifier, extension);
    if (!problem.isEmpty()) {
      throw new IllegalArgumentException(source + ": " + problem);
    }
  }

  /** What is wrong with a classifier and an extension; empty when nothing is. */
  private static String problem(String classifier, String extension) {
    if (!CLASSIFIER.matcher(classifier).matches()) {
      return "invalid classifier "
          + Printable.quoted(classifier)
          + ": only letters, digits, '-' and '_' are allowed";
    }
    if (!EXTENSION.matcher(extension).matches()) {
      return "invalid extension "
          + Printable.quoted(extension)
          + ": only letters, digits, '-' and '_', with single dots between parts, are allowed";
    }
    return "";
  }

  /**
   * The artifact a file named {@code artifactId-version[-classifier].ext} stands for: what follows
   * {@code artifactId-version} is either {@code .ext} or {@code -classifier.ext}.
   *
   * @param source the file as the user named it, for messages; what follows its last {@code /} is
   *     the name
   * @throws MalformedPackageException naming {@code source} when the name does not have that form,
   *     so it is no file of {@code coordinates}, or its classifier or extension is not allowed
   */
  public static ArtifactFile fromFileName(
      Coordinates coordinates, String source, ContentSource content)
      throws MalformedPackageException {
    String fileName = source.substring(source.lastIndexOf('/') + 1);
    String stem = coordinates.artifactId() + "-" + coordinates.version();
    String expected =
        "not a file of " + coordinates + ": its name must be " + stem + "[-classifier].extension";
    if (!fileName.startsWith(stem) || fileName.length() <= stem.length() + 1) {
      throw new MalformedPackageException(source, expected);
    }
    String rest = fileName.substring(stem.length());
    String classifier = "";
    String extension = rest.substring(1);
    if (rest.charAt(0) != '.') {
      int dot = rest.indexOf('.');
      if (rest.charAt(0) != '-' || dot < 2 || dot == rest.length() - 1) {
        throw new MalformedPackageException(source, expected);
      }
      classifier = rest.substring(1, dot);
      extension = rest.substring(dot + 1);
    }
    String problem = problem(classifier, extension);
    if (!problem.isEmpty()) {
      throw new MalformedPackageException(source, problem);
    }
    return new ArtifactFile(classifier, extension, content, source);
  }

  /** {@code classifier:extension}, unique within a deploy. */
  String kind() {
    return classifier + ":" + extension;
  }
}
