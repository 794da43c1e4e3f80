package io.pinrepo.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.python.SdistBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.format.LiveObject;
import io.pinrepo.format.LiveObject.Role;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.format.Retention;
import io.pinrepo.hash.Digests;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.serving.CachePolicy;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What repository-wide tools learn from the format: live objects, serving, discovery, settings. */
class PypiFormatTest {
  private static final ProjectName DEMO = ProjectName.of("demo");

  @TempDir Path dir;
  final InMemoryStorage storage = new InMemoryStorage(PypiRepositoryTest.CLOCK, 100);

  @Test
  void marksTopsDerivedPagesAndBlobsWithTheDigestsThePageRecords() throws Exception {
    PypiRepository repo = PypiRepository.builder(storage).clock(PypiRepositoryTest.CLOCK).build();
    repo.publish(
        List.of(
            WheelBuilder.of("demo", "1.0").writeTo(dir),
            SdistBuilder.of("demo", "1.0").writeTo(dir)));
    List<LiveObject> reported = new ArrayList<>();
    repo.format().markLive(storage, reported::add);

    Map<ObjectKey, LiveObject> live = new TreeMap<>();
    reported.forEach(o -> live.put(o.key(), o));
    assertEquals(reported.size(), live.size(), "each object once: " + reported);
    assertEquals(storage.keys(), List.copyOf(live.keySet()));
    assertEquals(Role.TOP, live.get(SimpleLayout.ROOT).role());
    assertEquals(Role.DERIVED, live.get(SimpleLayout.ROOT_JSON).role());
    assertEquals(Role.TOP, live.get(SimpleLayout.projectJson(DEMO)).role());
    assertEquals(Role.DERIVED, live.get(SimpleLayout.projectHtml(DEMO)).role());
    for (String file : List.of("demo-1.0-py3-none-any.whl", "demo-1.0.tar.gz")) {
      ObjectKey key = SimpleLayout.file(DEMO, file);
      Digests stored = Digests.of(storage.peek(key).orElseThrow());
      assertEquals(LiveObject.blob(key, stored.size(), stored.sha256()), live.get(key));
    }
    ObjectKey metadata = SimpleLayout.coreMetadata(DEMO, "demo-1.0-py3-none-any.whl");
    LiveObject metadataObject = live.get(metadata);
    assertEquals(Role.BLOB, metadataObject.role());
    assertEquals(OptionalLong.empty(), metadataObject.size());
    assertEquals(
        Optional.of(Digests.of(storage.peek(metadata).orElseThrow()).sha256()),
        metadataObject.sha256());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "simple/index.html | text/html; charset=utf-8 | short",
        "simple/demo/index.html | text/html; charset=utf-8 | short",
        "simple/index.json | application/vnd.pypi.simple.v1+json | short",
        "simple/demo/index.json | application/vnd.pypi.simple.v1+json | short",
        "mirror/simple/demo/index.json | application/vnd.pypi.simple.v1+json | short",
        "simple/demo/demo-1.0-py3-none-any.whl | application/zip | immutable",
        "simple/demo/demo-1.0-py3-none-any.whl.metadata | text/plain; charset=utf-8 | immutable",
        "simple/demo/demo-1.0.tar.gz | application/gzip | immutable",
        "simple/demo/demo-1.0.zip | application/zip | immutable",
        "packages/demo-1.0-py3-none-any.whl | application/zip | immutable",
        "packages/demo-1.0-py3-none-any.whl.metadata | text/plain; charset=utf-8 | immutable",
        "packages/demo-1.0.tar.gz | application/gzip | immutable",
      })
  void servesPagesShortLivedAndDistributionsImmutable(String key, String type, String cache) {
    ServingMetadata metadata = new PypiFormat().serving(ObjectKey.of(key)).orElseThrow();
    assertEquals(type, metadata.contentType());
    assertEquals(
        cache.equals("short") ? CachePolicy.SHORT : CachePolicy.IMMUTABLE, metadata.cachePolicy());
  }

  @Test
  void pagesAnswerToTheirPep691MediaTypesForNegotiation() {
    PypiFormat format = new PypiFormat();
    assertEquals(
        List.of("application/vnd.pypi.simple.v1+json", "application/vnd.pypi.simple.latest+json"),
        format.serving(SimpleLayout.projectJson(DEMO)).orElseThrow().mediaTypes());
    assertEquals(
        List.of(
            "text/html",
            "application/vnd.pypi.simple.v1+html",
            "application/vnd.pypi.simple.latest+html"),
        format.serving(SimpleLayout.ROOT).orElseThrow().mediaTypes());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dists/stable/InRelease",
        "dists/stable/main/binary-amd64/Packages.gz",
        "pool/main/h/hello/hello_1.0_amd64.deb",
        "pool/main/h/hello/hello_1.0.orig.tar.gz",
        "com/example/demo/maven-metadata.xml",
        "com/example/demo/1.0/demo-1.0.jar",
        "keys/repo.gpg",
        "index.html",
        "simple/demo/notes.txt",
        "simple/demo/sub/index.html",
      })
  void claimsNoOtherFormatsKeys(String key) {
    assertEquals(Optional.empty(), new PypiFormat().serving(ObjectKey.of(key)));
  }

  @Test
  void isInstalledForServiceLoader() {
    assertTrue(
        RepositoryFormats.installed().stream().anyMatch(f -> f instanceof PypiFormat),
        RepositoryFormats.installed().toString());
  }

  @Test
  void theRepositoryHandsOutItsOwnSettings() {
    PypiRepository repo =
        PypiRepository.builder(storage)
            .clock(PypiRepositoryTest.CLOCK)
            .retention(Retention.keepNewest(3))
            .build();
    Settings settings = repo.format().settings();
    assertSame(PypiRepositoryTest.CLOCK, settings.clock());
    assertEquals(Retention.keepNewest(3), settings.retention());
    assertSame(Settings.DEFAULTS, new PypiFormat().settings());
  }
}
