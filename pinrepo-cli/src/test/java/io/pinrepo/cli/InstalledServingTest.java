package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.serving.CachePolicy;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ObjectKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each installed format answers how its own objects are served; nothing else claims them. */
class InstalledServingTest {

  private static final ServingPolicy POLICY = RepositoryFormats.servingPolicy();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "dists/stable/InRelease | text/plain; charset=utf-8 | short",
        "dists/stable/Release | text/plain; charset=utf-8 | short",
        "dists/stable/Release.gpg | application/pgp-signature | short",
        "dists/stable/main/binary-amd64/Packages | text/plain; charset=utf-8 | short",
        "dists/stable/main/binary-amd64/Packages.gz | application/gzip | short",
        "dists/stable/main/binary-amd64/Packages.xz | application/x-xz | short",
        "dists/stable/main/binary-amd64/by-hash/SHA256/0a1b2c | application/octet-stream | immutable",
        "pool/main/h/hello/hello_1.0_amd64.deb | application/vnd.debian.binary-package | immutable",
        "simple/index.html | text/html; charset=utf-8 | short",
        "simple/demo/index.html | text/html; charset=utf-8 | short",
        "simple/demo/index.json | application/vnd.pypi.simple.v1+json | short",
        "packages/demo-1.0-py3-none-any.whl | application/zip | immutable",
        "packages/demo-1.0-py3-none-any.whl.metadata | text/plain; charset=utf-8 | immutable",
        "packages/demo-1.0.tar.gz | application/gzip | immutable",
        "com/example/demo/maven-metadata.xml | application/xml | short",
        "com/example/demo/maven-metadata.xml.sha1 | text/plain; charset=utf-8 | short",
        "com/example/demo/1.0/demo-1.0.jar | application/java-archive | immutable",
        "com/example/demo/1.0/demo-1.0.pom | application/xml | immutable",
        "com/example/demo/1.0/demo-1.0.jar.asc | application/pgp-signature | immutable",
        "com/example/demo/1.0/demo-1.0.jar.sha256 | text/plain; charset=utf-8 | immutable",
        "builds/web/pointers/prod/current.json | application/json | revalidate",
        "builds/web/pointers/prod/history/9223372036854775806.json | application/json | immutable",
        "builds/web/versions/1.4.2/manifest.json | application/json | immutable",
        "builds/web/versions/1.4.2/files/app.tar.gz | application/gzip | immutable",
        "keys/repo.gpg | application/octet-stream | short",
      })
  void headersFollowTheKey(String key, String contentType, String cache) {
    ServingMetadata metadata = POLICY.of(ObjectKey.of(key));
    assertEquals(contentType, metadata.contentType());
    assertEquals(
        CachePolicy.valueOf(cache.toUpperCase(java.util.Locale.ROOT)), metadata.cachePolicy());
  }
}
