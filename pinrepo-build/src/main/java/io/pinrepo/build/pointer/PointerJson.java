package io.pinrepo.build.pointer;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pinrepo.MalformedPackageException;
import io.pinrepo.build.internal.JsonTree;
import io.pinrepo.build.internal.Times;
import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The bytes of a pointer and of its history entries, which are the same document: the pointer
 * object holds its latest change, and history entry {@code n} is a byte-for-byte copy of the
 * pointer object as change {@code n} wrote it. UTF-8 JSON in a fixed key order with one trailing
 * newline:
 *
 * <pre>
 * {"format":"pinrepo-pointer/1","name":"web","pointer":"prod","seq":5,"from":"1.4.1","to":"1.4.2",
 *  "manifestSha256":"...","time":"2025-01-02T03:04:05.678Z","note":"rollback"}
 * </pre>
 */
public final class PointerJson {
  private PointerJson() {}

  /** The value of the document's {@code format} field. */
  public static final String FORMAT = "pinrepo-pointer/1";

  /** The largest pointer object read back. */
  public static final int MAX_BYTES = 64 << 10;

  /** The document's bytes. */
  public static byte[] render(BuildName name, PointerName pointer, PointerChange change) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonTree.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("name", name.value());
      g.writeStringField("pointer", pointer.value());
      g.writeNumberField("seq", change.seq());
      if (change.from().isPresent()) {
        g.writeStringField("from", change.from().get().value());
      }
      g.writeStringField("to", change.to().value());
      g.writeStringField("manifestSha256", change.manifestSha256());
      g.writeStringField("time", Times.format(change.time()));
      g.writeStringField("note", change.note());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * Reads a pointer object or history entry of {@code name}'s {@code pointer}.
   *
   * @param source names the object in the error
   * @throws MalformedPackageException when the bytes are not such a document
   */
  public static PointerChange parse(byte[] json, BuildName name, PointerName pointer, String source)
      throws MalformedPackageException {
    try {
      Map<String, Object> root = JsonTree.object(json);
      String format = JsonTree.string(root, "format");
      if (!format.equals(FORMAT)) {
        throw new IllegalArgumentException("format is '" + format + "', not " + FORMAT);
      }
      if (!JsonTree.string(root, "name").equals(name.value())
          || !JsonTree.string(root, "pointer").equals(pointer.value())) {
        throw new IllegalArgumentException("it belongs to another pointer");
      }
      return new PointerChange(
          JsonTree.number(root, "seq"),
          JsonTree.optionalString(root, "from").map(BuildVersion::of),
          BuildVersion.of(JsonTree.string(root, "to")),
          JsonTree.string(root, "manifestSha256"),
          Times.parse(JsonTree.string(root, "time"), "time"),
          JsonTree.string(root, "note"));
    } catch (IllegalArgumentException e) {
      throw new MalformedPackageException(source, "not a pointer: " + e.getMessage(), e);
    }
  }
}
