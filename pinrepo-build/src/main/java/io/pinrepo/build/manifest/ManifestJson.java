package io.pinrepo.build.manifest;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pinrepo.MalformedPackageException;
import io.pinrepo.build.internal.JsonTree;
import io.pinrepo.build.internal.Times;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The manifest's bytes: UTF-8 JSON, keys in a fixed order, files sorted by path, metadata sorted by
 * key, one trailing newline, so the same manifest always renders to the same bytes.
 *
 * <pre>
 * {"format":"pinrepo-build/1","name":"web","version":"1.4.2","time":"2025-01-02T03:04:05.678Z",
 *  "metadata":{"commit":"3f9c2e1"},"files":[{"path":"app.tar.gz","size":123,"sha256":"..."}]}
 * </pre>
 */
public final class ManifestJson {
  private ManifestJson() {}

  /** The value of the document's {@code format} field. */
  public static final String FORMAT = "pinrepo-build/1";

  /** The largest manifest read back (10,000 files with long paths fit). */
  public static final int MAX_BYTES = 16 << 20;

  /** The document's bytes. */
  public static byte[] render(Manifest m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonTree.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("name", m.name().value());
      g.writeStringField("version", m.version().value());
      g.writeStringField("time", Times.format(m.time()));
      g.writeObjectFieldStart("metadata");
      for (BuildMetadata.Entry e : m.metadata().entries()) {
        g.writeStringField(e.key(), e.value());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("files");
      for (FileEntry f : m.files()) {
        g.writeStartObject();
        g.writeStringField("path", f.path().value());
        g.writeNumberField("size", f.size());
        g.writeStringField("sha256", f.sha256());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * Reads a manifest.
   *
   * @param source names the object in the error
   * @throws MalformedPackageException when the bytes are not a manifest this format writes
   */
  public static Manifest parse(byte[] json, String source) throws MalformedPackageException {
    try {
      Map<String, Object> root = JsonTree.object(json);
      String format = JsonTree.string(root, "format");
      if (!format.equals(FORMAT)) {
        throw new IllegalArgumentException("format is '" + format + "', not " + FORMAT);
      }
      List<BuildMetadata.Entry> metadata = new ArrayList<>();
      for (Map.Entry<String, Object> e : JsonTree.object(root, "metadata").entrySet()) {
        if (!(e.getValue() instanceof String value)) {
          throw new IllegalArgumentException("metadata " + e.getKey() + " is not a string");
        }
        metadata.add(new BuildMetadata.Entry(e.getKey(), value));
      }
      List<FileEntry> files = new ArrayList<>();
      for (Object o : JsonTree.array(root, "files")) {
        Map<String, Object> f = JsonTree.asObject(o, "a file entry");
        files.add(
            new FileEntry(
                BuildPath.of(JsonTree.string(f, "path")),
                JsonTree.number(f, "size"),
                JsonTree.string(f, "sha256")));
      }
      return new Manifest(
          BuildName.of(JsonTree.string(root, "name")),
          BuildVersion.of(JsonTree.string(root, "version")),
          Times.parse(JsonTree.string(root, "time"), "time"),
          BuildMetadata.of(metadata),
          files);
    } catch (IllegalArgumentException e) {
      throw new MalformedPackageException(source, "not a build manifest: " + e.getMessage(), e);
    }
  }
}
