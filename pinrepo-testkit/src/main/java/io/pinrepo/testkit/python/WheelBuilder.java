package io.pinrepo.testkit.python;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a real pure-Python wheel ({@code py3-none-any}) that pip installs: a module whose {@code
 * VERSION} is the version, and a {@code .dist-info} with METADATA, WHEEL and a RECORD of SHA-256
 * hashes. The bytes are the same for the same settings (fixed entry times). Not thread-safe.
 *
 * <pre>{@code
 * Path whl = WheelBuilder.of("demo-pin", "1.0").requiresPython(">=3.8").writeTo(dir);
 * }</pre>
 */
public final class WheelBuilder {

  private static final long FIXED_TIME = 1_600_000_000_000L;

  private final MetadataText meta;
  private final String fileProject;
  private final Map<String, byte[]> extraEntries = new LinkedHashMap<>();
  private String fileVersion;
  private byte[] rawMetadata;
  private String buildTag;

  private WheelBuilder(String name, String version) {
    this.meta = new MetadataText(name, version);
    this.fileProject = name;
    this.fileVersion = version;
  }

  /** A wheel of project {@code name} (as written in METADATA) at {@code version}. */
  public static WheelBuilder of(String name, String version) {
    return new WheelBuilder(Objects.requireNonNull(name), Objects.requireNonNull(version));
  }

  /** Sets {@code Requires-Python}. */
  public WheelBuilder requiresPython(String specifier) {
    meta.requiresPython = specifier;
    return this;
  }

  /** Sets {@code Metadata-Version} (default 2.1). */
  public WheelBuilder metadataVersion(String version) {
    meta.metadataVersion = version;
    return this;
  }

  /** Sets the {@code Summary}. */
  public WheelBuilder summary(String summary) {
    meta.summary = summary;
    return this;
  }

  /** Sets the description body; empty for none. */
  public WheelBuilder description(String description) {
    meta.description = description;
    return this;
  }

  /** Adds a header, such as {@code Classifier}; call again to repeat it. */
  public WheelBuilder field(String name, String value) {
    meta.extra.add(new String[] {name, value});
    return this;
  }

  /** Writes {@code name} in METADATA instead (to make it disagree with the file name). */
  public WheelBuilder metadataName(String name) {
    meta.name = name;
    return this;
  }

  /** Names the file and dist-info with {@code version}, keeping METADATA's version. */
  public WheelBuilder fileVersion(String version) {
    this.fileVersion = version;
    return this;
  }

  /** Adds a build tag to the file name. */
  public WheelBuilder buildTag(String tag) {
    this.buildTag = tag;
    return this;
  }

  /** Uses {@code bytes} as METADATA verbatim. */
  public WheelBuilder rawMetadata(byte[] bytes) {
    this.rawMetadata = bytes.clone();
    return this;
  }

  /** Adds an entry with any name (even an unsafe one) and content. */
  public WheelBuilder entry(String path, byte[] content) {
    extraEntries.put(path, content.clone());
    return this;
  }

  /** The file name this builder writes. */
  public String fileName() {
    String build = buildTag == null ? "" : "-" + buildTag;
    return new MetadataText(fileProject, fileVersion).escapedName()
        + "-"
        + fileVersion
        + build
        + "-py3-none-any.whl";
  }

  /** Writes the wheel into {@code directory} and returns its path. */
  public Path writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    String distInfo =
        new MetadataText(fileProject, fileVersion).escapedName() + "-" + fileVersion + ".dist-info";
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        new MetadataText(fileProject, fileVersion).module() + "/__init__.py",
        utf8("VERSION = '" + meta.version + "'\n"));
    files.put(distInfo + "/METADATA", rawMetadata != null ? rawMetadata : meta.render());
    files.put(
        distInfo + "/WHEEL",
        utf8(
            "Wheel-Version: 1.0\nGenerator: pinrepo-testkit\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n\n"));
    files.put(
        distInfo + "/top_level.txt",
        utf8(new MetadataText(fileProject, fileVersion).module() + "\n"));
    files.putAll(extraEntries);
    StringBuilder record = new StringBuilder();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      record
          .append(e.getKey())
          .append(",sha256=")
          .append(urlsafeSha256(e.getValue()))
          .append(',')
          .append(e.getValue().length)
          .append('\n');
    }
    record.append(distInfo).append("/RECORD,,\n");
    files.put(distInfo + "/RECORD", utf8(record.toString()));
    Path target = directory.resolve(fileName());
    try (OutputStream out = Files.newOutputStream(target);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return target;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String urlsafeSha256(byte[] data) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing", e);
    }
  }
}
