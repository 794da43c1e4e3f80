package io.pinrepo.build.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.MalformedPackageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {
  private static final String SHA = "a".repeat(64);

  private static Manifest manifest(List<FileEntry> files, BuildMetadata metadata) {
    return new Manifest(
        BuildName.of("web"),
        BuildVersion.of("1.4.2"),
        Instant.parse("2025-01-02T03:04:05.678Z"),
        metadata,
        files);
  }

  @Test
  void readsBackWhatItWrites() throws Exception {
    Manifest m =
        manifest(
            List.of(new FileEntry(BuildPath.of("bin/app"), 12, SHA)),
            BuildMetadata.empty().with("commit", "3f9c2e1").with("ci-url", "https://ci/1"));
    byte[] bytes = ManifestJson.render(m);
    assertEquals(m, ManifestJson.parse(bytes, "m"));
    assertEquals(
        "{\"format\":\"pinrepo-build/1\",\"name\":\"web\",\"version\":\"1.4.2\","
            + "\"time\":\"2025-01-02T03:04:05.678Z\","
            + "\"metadata\":{\"ci-url\":\"https://ci/1\",\"commit\":\"3f9c2e1\"},"
            + "\"files\":[{\"path\":\"bin/app\",\"size\":12,\"sha256\":\""
            + SHA
            + "\"}]}\n",
        new String(bytes, StandardCharsets.UTF_8));
  }

  @Property(tries = 50)
  void theSameBuildInAnyOrderRendersToTheSameBytes(
      @ForAll @IntRange(min = 1, max = 30) int files, @ForAll long seed) {
    List<FileEntry> entries = new ArrayList<>();
    List<BuildMetadata.Entry> meta = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      entries.add(new FileEntry(BuildPath.of("f" + i), i, SHA));
      meta.add(new BuildMetadata.Entry("k" + i, "v" + i));
    }
    byte[] ordered = ManifestJson.render(manifest(entries, BuildMetadata.of(meta)));
    Collections.shuffle(entries, new Random(seed));
    Collections.shuffle(meta, new Random(seed + 1));
    assertArrayEquals(ordered, ManifestJson.render(manifest(entries, BuildMetadata.of(meta))));
  }

  @Test
  void refusesAManifestThatEscapesItsBuild() {
    String json =
        "{\"format\":\"pinrepo-build/1\",\"name\":\"web\",\"version\":\"1\","
            + "\"time\":\"2025-01-02T03:04:05.678Z\",\"metadata\":{},"
            + "\"files\":[{\"path\":\"../../etc/cron.d/x\",\"size\":1,\"sha256\":\""
            + SHA
            + "\"}]}";
    MalformedPackageException e =
        assertThrows(
            MalformedPackageException.class,
            () -> ManifestJson.parse(json.getBytes(StandardCharsets.UTF_8), "m.json"));
    assertTrue(e.getMessage().startsWith("m.json: not a build manifest: invalid file path"));
  }

  @Test
  void refusesDuplicateFieldsDeepNestingAndOtherFormats() {
    for (String json :
        List.of(
            "{\"format\":\"pinrepo-build/1\",\"format\":\"pinrepo-build/1\"}",
            "{\"format\":\"pinrepo-build/2\"}",
            "[1]",
            "{\"a\":" + "[".repeat(50) + "]".repeat(50) + "}",
            "not json")) {
      assertThrows(
          MalformedPackageException.class,
          () -> ManifestJson.parse(json.getBytes(StandardCharsets.UTF_8), "m"),
          json);
    }
  }
}
