package io.pinrepo.pypi.metadata;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.pypi.version.Pep440Version;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The core metadata of a distribution (a wheel's {@code METADATA}, an sdist's {@code PKG-INFO}),
 * Metadata-Version 1.0 to 2.4: RFC 822-style headers, some of them repeated (such as {@code
 * Classifier} and {@code Requires-Dist}), and from 2.1 the description as the message body.
 *
 * @param metadataVersion the {@code Metadata-Version}, such as {@code 2.1}
 * @param name the {@code Name} as written
 * @param version the {@code Version}, parsed
 * @param fields every header in order, including the three above
 * @param description the description: the body, or the {@code Description} header when there is no
 *     body; empty text when there is neither
 */
public record CoreMetadata(
    String metadataVersion,
    String name,
    Pep440Version version,
    List<MetadataField> fields,
    String description) {

  /** The Metadata-Version values this reader knows. */
  public static final Set<String> KNOWN_VERSIONS =
      Set.of("1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "2.3", "2.4");

  /** Copies the fields and checks that the name is valid. */
  public CoreMetadata {
    fields = List.copyOf(fields);
    if (!ProjectName.isValid(name)) {
      throw new IllegalArgumentException("invalid Name '" + name + "'");
    }
  }

  /** The project's name in normal form. */
  public ProjectName projectName() {
    return ProjectName.of(name);
  }

  /** The first value of the field {@code fieldName} (case-insensitive), if any. */
  public Optional<String> first(String fieldName) {
    return firstOf(fields, fieldName);
  }

  private static Optional<String> firstOf(List<MetadataField> fields, String fieldName) {
    return fields.stream()
        .filter(f -> f.name().equalsIgnoreCase(fieldName))
        .map(MetadataField::value)
        .findFirst();
  }

  /** Every value of the field {@code fieldName} (case-insensitive), in order. */
  public List<String> all(String fieldName) {
    return fields.stream()
        .filter(f -> f.name().equalsIgnoreCase(fieldName))
        .map(MetadataField::value)
        .toList();
  }

  /** The {@code Summary}, if given. */
  public Optional<String> summary() {
    return first("Summary");
  }

  /** The {@code Requires-Python} specifier, if given and not blank. */
  public Optional<String> requiresPython() {
    return first("Requires-Python").map(String::strip).filter(s -> !s.isEmpty());
  }

  /**
   * Parses a core metadata file.
   *
   * @param source names the file in errors, such as {@code foo-1.0.whl!foo-1.0.dist-info/METADATA}
   * @throws MalformedPackageException when it is not UTF-8, lacks Metadata-Version, Name or
   *     Version, has an unknown Metadata-Version, or an invalid name or version
   */
  public static CoreMetadata parse(String source, byte[] bytes) throws MalformedPackageException {
    String text = decode(source, bytes);
    List<MetadataField> fields = new ArrayList<>();
    String body = HeaderParser.parse(source, text, fields);
    String metadataVersion = required(source, fields, "Metadata-Version").strip();
    if (!KNOWN_VERSIONS.contains(metadataVersion)) {
      throw new MalformedPackageException(
          source, "unsupported Metadata-Version '" + metadataVersion + "'");
    }
    String name = required(source, fields, "Name").strip();
    if (!ProjectName.isValid(name)) {
      throw new MalformedPackageException(source, "invalid Name '" + name + "'");
    }
    String versionText = required(source, fields, "Version").strip();
    Pep440Version version =
        Pep440Version.tryParse(versionText)
            .orElseThrow(
                () ->
                    new MalformedPackageException(
                        source, "Version '" + versionText + "' is not a PEP 440 version"));
    String description =
        body.isEmpty()
            ? firstOf(fields, "Description").map(HeaderParser::unfoldDescription).orElse("")
            : body;
    return new CoreMetadata(metadataVersion, name, version, fields, description);
  }

  private static String required(String source, List<MetadataField> fields, String field)
      throws MalformedPackageException {
    Optional<String> value = firstOf(fields, field);
    if (value.isEmpty() || value.get().isBlank()) {
      throw new MalformedPackageException(source, "no " + field + " field");
    }
    return value.get();
  }

  private static String decode(String source, byte[] bytes) throws MalformedPackageException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedPackageException(source, "metadata is not UTF-8", e);
    }
  }

  @Override
  public String toString() {
    return "CoreMetadata[" + name.toLowerCase(Locale.ROOT) + " " + version + "]";
  }
}
