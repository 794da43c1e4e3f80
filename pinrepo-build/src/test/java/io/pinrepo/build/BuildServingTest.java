package io.pinrepo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.serving.CachePolicy;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ObjectKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How each object is served, and how tools find the format. */
class BuildServingTest {
  private final RepositoryFormat format = new BuildFormat();

  @ParameterizedTest
  @CsvSource({
    "builds/web/pointers/prod/current.json, application/json, revalidate",
    "builds/web/pointers/prod/history/9223372036854775806.json, application/json, immutable",
    "builds/web/versions/1.4.2/manifest.json, application/json, immutable",
    "builds/web/versions/1.4.2/files/app.tar.gz, application/gzip, immutable",
    "builds/web/versions/1.4.2/files/bin/server, application/octet-stream, immutable",
    "builds/web/versions/1.4.2/files/conf/app.json, application/json, immutable",
    "builds/web/newest/9223370300000000000-1.4.2, text/plain; charset=utf-8, immutable",
  })
  void servesPointersRevalidatedAndEverythingElseAsImmutable(
      String key, String contentType, String cache) {
    ServingMetadata metadata = format.serving(ObjectKey.of(key)).orElseThrow();
    assertEquals(contentType, metadata.contentType());
    assertEquals(
        cache.equals("revalidate") ? CachePolicy.REVALIDATE : CachePolicy.IMMUTABLE,
        metadata.cachePolicy());
  }

  @Test
  void aPointerTellsCachesToAskTheOriginEveryTime() {
    ServingMetadata pointer =
        format.serving(ObjectKey.of("builds/web/pointers/prod/current.json")).orElseThrow();
    assertEquals("public, no-cache", pointer.cacheControl());
    assertEquals(false, pointer.immutable());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "builds/Web/pointers/prod/current.json",
        "builds/web/pointers/prod/other.json",
        "builds/web/versions/1/unknown",
        "simple/index.html",
        "dists/stable/InRelease"
      })
  void claimsNoKeyOfAnotherLayout(String key) {
    assertEquals(Optional.empty(), format.serving(ObjectKey.of(key)));
  }

  @Test
  void isFoundByServiceLoader() {
    assertTrue(
        RepositoryFormats.installed().stream().anyMatch(f -> f instanceof BuildFormat),
        RepositoryFormats.installed().toString());
    assertEquals("build", format.name());
  }
}
