package io.pinrepo.pypi.simple;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.version.Pep440Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's PEP 691 JSON page ({@code application/vnd.pypi.simple.v1+json}, API version 1.1 with
 * the PEP 700 {@code versions}, {@code size} and {@code upload-time}), and its reading back: the
 * page holds everything a {@link ProjectPage} does, so it is the project's state. Core metadata is
 * announced only as {@code core-metadata} (PEP 714), never {@code dist-info-metadata}.
 */
public final class SimpleJson {
  private SimpleJson() {}

  /** The API version written. */
  public static final String API_VERSION = "1.1";

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private static final DateTimeFormatter UPLOAD_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Renders {@code page} as UTF-8 JSON, ending with a newline. */
  public static byte[] render(ProjectPage page) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("meta");
      g.writeStringField("api-version", API_VERSION);
      g.writeEndObject();
      g.writeStringField("name", page.name().value());
      g.writeArrayFieldStart("versions");
      for (Pep440Version v : page.versions()) {
        g.writeString(v.toString());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("files");
      for (ProjectFile f : page.files()) {
        writeFile(g, f);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void writeFile(JsonGenerator g, ProjectFile f) throws IOException {
    g.writeStartObject();
    g.writeStringField("filename", f.fileName());
    g.writeStringField("url", f.fileName());
    g.writeObjectFieldStart("hashes");
    g.writeStringField("sha256", f.sha256());
    g.writeEndObject();
    if (f.requiresPython().isPresent()) {
      g.writeStringField("requires-python", f.requiresPython().get());
    }
    if (f.coreMetadataSha256().isPresent()) {
      g.writeObjectFieldStart("core-metadata");
      g.writeStringField("sha256", f.coreMetadataSha256().get());
      g.writeEndObject();
    } else {
      g.writeBooleanField("core-metadata", false);
    }
    g.writeNumberField("size", f.size());
    g.writeStringField("upload-time", UPLOAD_TIME.format(f.uploadTime()));
    if (f.yanked().isEmpty()) {
      g.writeBooleanField("yanked", false);
    } else if (f.yanked().get().isEmpty()) {
      g.writeBooleanField("yanked", true);
    } else {
      g.writeStringField("yanked", f.yanked().get());
    }
    g.writeEndObject();
  }

  /**
   * Reads a page this class rendered.
   *
   * @throws IOException when the bytes are not such a page, naming what is wrong
   */
  public static ProjectPage parse(byte[] json) throws IOException {
    Object tree;
    try (JsonParser p = FACTORY.createParser(json)) {
      tree = JsonTree.read(p);
    } catch (JsonProcessingException e) {
      throw new IOException("project page is not JSON: " + e.getOriginalMessage(), e);
    }
    try {
      Map<?, ?> root = (Map<?, ?>) tree;
      ProjectName name = new ProjectName((String) root.get("name"));
      List<ProjectFile> files = new ArrayList<>();
      for (Object o : (List<?>) root.get("files")) {
        files.add(file((Map<?, ?>) o));
      }
      return new ProjectPage(name, files);
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw new IOException("project page is not a pinrepo simple JSON page: " + e, e);
    }
  }

  private static ProjectFile file(Map<?, ?> f) {
    Object meta = f.get("core-metadata");
    Optional<String> metaSha =
        meta instanceof Map<?, ?> m ? Optional.of((String) m.get("sha256")) : Optional.empty();
    Object yanked = f.get("yanked");
    Optional<String> yankReason =
        yanked instanceof String s
            ? Optional.of(s)
            : Boolean.TRUE.equals(yanked) ? Optional.of("") : Optional.empty();
    return new ProjectFile(
        (String) f.get("filename"),
        (String) ((Map<?, ?>) f.get("hashes")).get("sha256"),
        ((Number) f.get("size")).longValue(),
        Instant.parse((String) f.get("upload-time")),
        Optional.ofNullable((String) f.get("requires-python")),
        metaSha,
        yankReason);
  }
}
