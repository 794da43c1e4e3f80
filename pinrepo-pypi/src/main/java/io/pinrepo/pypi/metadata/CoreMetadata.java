package io.pinrepo.pypi.metadata;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.pypi.version.Pep440Version;
import io.pinrepo.pypi.version.VersionSpecifiers;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core metadata of a distribution (a wheel's {@code METADATA}, an sdist's {@code PKG-INFO}):
 * RFC 822-style headers, some of them repeated (such as {@code Classifier} and {@code
 * Requires-Dist}), and from 2.1 the description as the message body.
 *
 * <p>Every Metadata-Version of major version 1 or 2 is read, also a minor version newer than {@link
 * #KNOWN_VERSIONS} (such as 2.6): the core metadata specification says a newer minor version only
 * adds fields a reader may ignore. A newer major version (3.0) is refused, as the specification
 * asks.
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

  /** The Metadata-Version values this reader was written for; newer minor versions are read too. */
  public static final Set<String> KNOWN_VERSIONS =
      Set.of("1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5");

  /** The newest major version read. */
  public static final int MAX_MAJOR_VERSION = 2;

  /**
   * Fields that the core metadata specification allows once, and that pinrepo reads: a second one
   * would let two readers see different values.
   */
  private static final List<String> SINGLE_FIELDS =
      List.of("Metadata-Version", "Name", "Version", "Summary", "Requires-Python");

  private static final Pattern METADATA_VERSION = Pattern.compile("([0-9]{1,4})\\.([0-9]{1,4})");

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
   *     Version, has a Metadata-Version of a newer major version, an invalid name, version or
   *     Requires-Python, a control character in a field or a field allowed once twice
   */
  public static CoreMetadata parse(String source, byte[] bytes) throws MalformedPackageException {
    String text = decode(source, bytes);
    List<MetadataField> fields = new ArrayList<>();
    String body = HeaderParser.parse(source, text, fields);
    checkFields(source, fields);
    String metadataVersion = required(source, fields, "Metadata-Version").strip();
    checkMetadataVersion(source, metadataVersion);
    String name = required(source, fields, "Name").strip();
    if (!ProjectName.isValid(name)) {
      throw new MalformedPackageException(source, "invalid Name '" + Printable.of(name) + "'");
    }
    Optional<String> requiresPython = firstOf(fields, "Requires-Python").map(String::strip);
    if (requiresPython.isPresent() && !requiresPython.get().isEmpty()) {
      Optional<String> problem = VersionSpecifiers.problem(requiresPython.get());
      if (problem.isPresent()) {
        throw new MalformedPackageException(
            source,
            "Requires-Python '"
                + Printable.of(requiresPython.get())
                + "' is not a valid version specifier: "
                + Printable.of(problem.get()));
      }
    }
    String versionText = required(source, fields, "Version").strip();
    Pep440Version version =
        Pep440Version.tryParse(versionText)
            .orElseThrow(
                () ->
                    new MalformedPackageException(
                        source,
                        "Version '" + Printable.of(versionText) + "' is not a PEP 440 version"));
    String description =
        body.isEmpty()
            ? firstOf(fields, "Description").map(HeaderParser::unfoldDescription).orElse("")
            : body;
    return new CoreMetadata(metadataVersion, name, version, fields, description);
  }

  /**
   * Refuses a field name that is not printable ASCII, and in the one-line fields of {@link
   * #SINGLE_FIELDS} a control character other than tab (a folded second line among them) or a
   * second copy. Free-text fields (Description, License) may hold any text.
   */
  private static void checkFields(String source, List<MetadataField> fields)
      throws MalformedPackageException {
    Set<String> seen = new java.util.HashSet<>();
    for (MetadataField f : fields) {
      String name = f.name();
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c <= ' ' || c >= 0x7f) {
          throw new MalformedPackageException(
              source, "field name '" + Printable.of(name) + "' has a character not allowed there");
        }
      }
      boolean single = SINGLE_FIELDS.stream().anyMatch(s -> s.equalsIgnoreCase(name));
      if (!single) {
        continue;
      }
      int bad = controlCharacter(f.value());
      if (bad >= 0) {
        throw new MalformedPackageException(
            source,
            String.format(
                "field %s holds the control character U+%04X%s",
                name, bad, bad == '\n' ? " (a line break)" : ""));
      }
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw new MalformedPackageException(
            source, "field " + name + " appears more than once; it is allowed once");
      }
    }
  }

  /** The first control character (a line break among them) in a value other than tab, or -1. */
  private static int controlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && Character.isISOControl(c)) {
        return c;
      }
    }
    return -1;
  }

  /** Whether a reader of major version 2 may read {@code metadataVersion}; see the type. */
  private static void checkMetadataVersion(String source, String metadataVersion)
      throws MalformedPackageException {
    Matcher m = METADATA_VERSION.matcher(metadataVersion);
    if (!m.matches()) {
      throw new MalformedPackageException(
          source,
          "Metadata-Version '" + Printable.of(metadataVersion) + "' is not a version such as 2.4");
    }
    int major = Integer.parseInt(m.group(1));
    if (major > MAX_MAJOR_VERSION) {
      throw new MalformedPackageException(
          source,
          "Metadata-Version "
              + metadataVersion
              + " is a newer major version than pinrepo reads (up to "
              + MAX_MAJOR_VERSION
              + ".x)");
    }
    if (major < 1) {
      throw new MalformedPackageException(
          source, "Metadata-Version " + metadataVersion + " does not exist");
    }
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
