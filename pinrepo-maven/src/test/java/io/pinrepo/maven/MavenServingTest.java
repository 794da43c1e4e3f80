package io.pinrepo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.serving.CachePolicy;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ObjectKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Maven format answers how the keys of its layout are served, and claims no other key; it is
 * installed for {@link java.util.ServiceLoader}.
 */
class MavenServingTest {
  private static final MavenFormat FORMAT = new MavenFormat();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "com/example/demo/maven-metadata.xml | application/xml | short",
        "com/example/demo/maven-metadata.xml.sha1 | text/plain; charset=utf-8 | short",
        "com/example/demo/maven-metadata.xml.sha512 | text/plain; charset=utf-8 | short",
        "com/example/maven-metadata.xml | application/xml | short",
        "com/example/demo/2.0-SNAPSHOT/maven-metadata.xml.md5 | text/plain; charset=utf-8 | short",
        ".meta/prefixes.txt | text/plain; charset=utf-8 | short",
        ".meta/prefixes.txt.sha256 | text/plain; charset=utf-8 | short",
        "com/example/demo/1.0/demo-1.0.jar | application/java-archive | immutable",
        "com/example/demo/1.0/demo-1.0.pom | application/xml | immutable",
        "com/example/demo/1.0/demo-1.0.jar.asc | application/pgp-signature | immutable",
        "com/example/demo/1.0/demo-1.0.jar.sha256 | text/plain; charset=utf-8 | immutable",
        "com/example/demo/1.0/demo-1.0-sources.jar | application/java-archive | immutable",
        "com/example/demo/1.0/demo-1.0.module | application/json | immutable",
        "com/example/demo/1.0/demo-1.0-dist.tar.gz | application/gzip | immutable",
        "com/example/demo/1.0/demo-1.0.war | application/java-archive | immutable",
        "com/example/demo/2.0-SNAPSHOT/demo-2.0-20261122.000131-2.jar"
            + " | application/java-archive | immutable",
        "com/example/demo/2.0-SNAPSHOT/demo-2.0-20261122.000131-2.pom.sha1"
            + " | text/plain; charset=utf-8 | immutable",
        "com/example/demo/2.0-SNAPSHOT/demo-2.0-SNAPSHOT.jar | application/java-archive | short",
      })
  void servesTheKeysOfTheLayout(String key, String contentType, String cache) {
    ServingMetadata metadata = FORMAT.serving(ObjectKey.of(key)).orElseThrow();
    assertEquals(contentType, metadata.contentType());
    assertEquals(
        cache.equals("short") ? CachePolicy.SHORT : CachePolicy.IMMUTABLE, metadata.cachePolicy());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dists/stable/InRelease",
        "pool/main/h/hello/hello_1.0_amd64.deb",
        "simple/demo/index.json",
        "packages/demo-1.0-py3-none-any.whl",
        "packages/demo-1.0.tar.gz",
        "keys/repo.gpg",
        "maven-metadata.xml",
        "com/example/demo/1.0/README.txt",
        "com/example/demo/2.0-SNAPSHOT/other-2.0-20261122.000131-2.jar",
      })
  void claimsNoOtherKey(String key) {
    assertEquals(Optional.empty(), FORMAT.serving(ObjectKey.of(key)));
  }

  @Test
  void isInstalledWithTheDefaultSettings() {
    List<RepositoryFormat> maven =
        RepositoryFormats.installed().stream().filter(f -> f.name().equals("maven")).toList();
    assertEquals(1, maven.size());
    assertTrue(maven.get(0) instanceof MavenFormat);
    assertEquals(FORMAT.toString(), maven.get(0).toString());
  }
}
