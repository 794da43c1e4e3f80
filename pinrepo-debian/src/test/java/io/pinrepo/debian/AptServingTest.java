package io.pinrepo.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.serving.CachePolicy;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ObjectKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The APT format answers how its keys are served, as core's table did before formats owned it, and
 * claims no other format's keys; ServiceLoader finds it.
 */
class AptServingTest {

  private final AptFormat format = new AptFormat();

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
        "dists/stable/main/source/Sources.xz | application/x-xz | short",
        "dists/stable/main/i18n/Translation-en | text/plain; charset=utf-8 | short",
        "dists/stable/main/Contents-amd64.gz | application/gzip | short",
        "dists/stable/main/binary-amd64/by-hash/SHA256/0a1b2c | application/octet-stream | immutable",
        "dists/stable/main/binary-amd64/by-hash/MD5Sum/0a1b | application/octet-stream | immutable",
        "dists/stable/pinrepo-superseded | application/octet-stream | short",
        "pool/main/h/hello/hello_1.0_amd64.deb | application/vnd.debian.binary-package | immutable",
        "pool/main/h/hello/sha256-0123456789abcdef/hello_1.0_amd64.deb"
            + " | application/vnd.debian.binary-package | immutable",
        "pool/main/d/di/di_1.0_amd64.udeb | application/vnd.debian.binary-package | immutable",
        "pool/main/h/hello/hello_1.0.dsc | text/plain; charset=utf-8 | immutable",
        "pool/main/h/hello/hello_1.0.orig.tar.gz | application/gzip | immutable",
      })
  void servesItsKeysAsTheOldTableDid(String key, String contentType, String cache) {
    ServingMetadata metadata = format.serving(ObjectKey.of(key)).orElseThrow();
    assertEquals(contentType, metadata.contentType());
    assertEquals(
        cache.equals("short") ? CachePolicy.SHORT : CachePolicy.IMMUTABLE, metadata.cachePolicy());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "simple/index.html",
        "simple/demo/index.json",
        "packages/demo-1.0-py3-none-any.whl",
        "com/example/demo/maven-metadata.xml",
        "com/example/demo/1.0/demo-1.0.jar",
        "keys/repo.gpg",
        "distsx/stable/Release",
      })
  void claimsNoOtherKey(String key) {
    assertEquals(java.util.Optional.empty(), format.serving(ObjectKey.of(key)));
  }

  @Test
  void serviceLoaderFindsItWithDefaults() {
    RepositoryFormat apt =
        RepositoryFormats.installed().stream()
            .filter(f -> f.name().equals("apt"))
            .findFirst()
            .orElseThrow();
    assertTrue(apt instanceof AptFormat, apt.getClass().getName());
    assertEquals(
        CachePolicy.IMMUTABLE,
        RepositoryFormats.servingPolicy()
            .of(ObjectKey.of("pool/main/h/hello/hello_1.0_amd64.deb"))
            .cachePolicy());
  }
}
