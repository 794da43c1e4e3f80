package io.pinrepo.maven;

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
    if (!CLASSIFIER.matcher(classifier).matches()) {
      throw new IllegalArgumentException(source + ": invalid classifier '" + classifier + "'");
    }
    if (!EXTENSION.matcher(extension).matches()) {
      throw new IllegalArgumentException(source + ": invalid extension '" + extension + "'");
    }
  }

  /**
   * The artifact a file named {@code artifactId-version[-classifier].ext} stands for: what follows
   * {@code artifactId-version} is either {@code .ext} or {@code -classifier.ext}.
   *
   * @throws IllegalArgumentException when the name does not have that form
   */
  public static ArtifactFile fromFileName(
      Coordinates coordinates, String fileName, ContentSource content) {
    String stem = coordinates.artifactId() + "-" + coordinates.version();
    if (!fileName.startsWith(stem) || fileName.length() <= stem.length() + 1) {
      throw new IllegalArgumentException(
          fileName + ": name does not start with " + stem + ". or " + stem + "-");
    }
    String rest = fileName.substring(stem.length());
    if (rest.charAt(0) == '.') {
      return new ArtifactFile("", rest.substring(1), content, fileName);
    }
    int dot = rest.indexOf('.');
    if (rest.charAt(0) != '-' || dot < 2 || dot == rest.length() - 1) {
      throw new IllegalArgumentException(
          fileName + ": expected " + stem + "[-classifier].extension");
    }
    return new ArtifactFile(rest.substring(1, dot), rest.substring(dot + 1), content, fileName);
  }

  /** {@code classifier:extension}, unique within a deploy. */
  String kind() {
    return classifier + ":" + extension;
  }
}
