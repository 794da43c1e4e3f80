package io.pinrepo.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.gaul.s3proxy.blobstore.options.CreateContainerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** Presigned URLs and server-side copy, against s3proxy checking signatures (AWS_V2_OR_V4). */
class S3PowersTest {

  @TempDir static Path dir;
  static S3ProxyFixture server;
  static S3Storage storage;
  static HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = S3ProxyFixture.start(dir.resolve("s3"));
    server.blobStore().createContainer("pinrepo-other", CreateContainerOptions.NONE);
    storage =
        server
            .storage("powers")
            .serving(key -> Optional.of(ServingMetadata.shortLived("text/plain")))
            .build();
  }

  @AfterAll
  static void stop() throws IOException {
    storage.close();
    server.close();
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String read(S3Storage s, ObjectKey key) throws IOException {
    try (ObjectStream in = s.read(key)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  @Test
  void aPresignedUrlReadsTheObjectWithoutCredentials() throws Exception {
    ObjectKey key = ObjectKey.of("pool/main/h/hello/hello 1.0+b1_all.deb");
    storage.write(key, ContentSource.ofUtf8("package bytes"), WriteCondition.none());
    URI url = storage.presignGet(key, Duration.ofMinutes(5));
    HttpResponse<String> response = get(url);
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("package bytes", response.body());
  }

  @Test
  void theSameUrlUnsignedOrTamperedIsRefused() throws Exception {
    ObjectKey key = ObjectKey.of("private/secret.txt");
    storage.write(key, ContentSource.ofUtf8("secret"), WriteCondition.none());
    URI url = storage.presignGet(key);
    URI unsigned = URI.create(url.toString().substring(0, url.toString().indexOf('?')));
    assertEquals(403, get(unsigned).statusCode());
    String signed = url.toString();
    int sig = signed.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
    char flipped = signed.charAt(sig) == '0' ? '1' : '0';
    URI tampered = URI.create(signed.substring(0, sig) + flipped + signed.substring(sig + 1));
    assertEquals(403, get(tampered).statusCode());
  }

  @Test
  void copiesWithinTheBucketWithTheTargetsHeaders() throws Exception {
    ObjectKey source = ObjectKey.of("copy/src.bin");
    ObjectKey target = ObjectKey.of("copy/dists/stable/InRelease");
    storage.write(source, ContentSource.ofUtf8("signed release"), WriteCondition.none());
    assertTrue(storage.canCopyTo(storage));
    ObjectInfo copied = storage.copy(source, storage, target, WriteCondition.mustBeAbsent());
    assertEquals(14, copied.size());
    assertEquals("signed release", read(storage, target));
    assertEquals(copied.versionToken(), storage.stat(target).orElseThrow().versionToken());
    try (S3Client raw = server.client()) {
      var head = raw.headObject(b -> b.bucket(S3ProxyFixture.BUCKET).key("powers/" + target));
      assertEquals(ServingMetadata.shortLived("text/plain").cacheControl(), head.cacheControl());
    }
  }

  @Test
  void copiesAcrossBucketsAndPrefixes() throws Exception {
    ObjectKey key = ObjectKey.of("across/a.whl");
    storage.write(key, ContentSource.ofUtf8("wheel"), WriteCondition.none());
    try (S3Storage other = server.storage("").build();
        S3Storage mirror =
            S3Storage.builder(new S3Location("pinrepo-other", "mirror/eu"))
                .endpoint(server.endpoint())
                .pathStyle(true)
                .credentials(S3ProxyFixture.ACCESS_KEY, S3ProxyFixture.SECRET_KEY)
                .build()) {
      storage.copy(key, mirror, key, WriteCondition.none());
      assertEquals("wheel", read(mirror, key));
      assertFalse(other.stat(key).isPresent(), "not copied into the first bucket's root");
    }
  }

  @Test
  void copyingAMissingSourceIsNotFound() {
    assertThrows(
        ObjectNotFoundException.class,
        () ->
            storage.copy(
                ObjectKey.of("copy/none"), storage, ObjectKey.of("copy/t"), WriteCondition.none()));
  }

  @Test
  void copyUnderAStaleTokenChangesNothing() throws Exception {
    ObjectKey source = ObjectKey.of("cond/src");
    ObjectKey target = ObjectKey.of("cond/top");
    storage.write(source, ContentSource.ofUtf8("new"), WriteCondition.none());
    ObjectInfo old = storage.write(target, ContentSource.ofUtf8("old"), WriteCondition.none());
    storage.write(target, ContentSource.ofUtf8("newer"), WriteCondition.none());
    assertThrows(
        PreconditionFailedException.class,
        () -> storage.copy(source, storage, target, WriteCondition.matches(old.versionToken())));
    assertEquals("newer", read(storage, target));
  }

  @Test
  void copyOntoAnExistingObjectUnderMustBeAbsentChangesNothing() throws Exception {
    ObjectKey source = ObjectKey.of("absent/src");
    ObjectKey empty = ObjectKey.of("absent/empty");
    ObjectKey target = ObjectKey.of("absent/blob.deb");
    storage.write(source, ContentSource.ofUtf8("new"), WriteCondition.none());
    storage.write(empty, ContentSource.ofBytes(new byte[0]), WriteCondition.none());
    storage.write(target, ContentSource.ofUtf8("kept"), WriteCondition.none());
    assertThrows(
        PreconditionFailedException.class,
        () -> storage.copy(source, storage, target, WriteCondition.mustBeAbsent()));
    assertThrows(
        PreconditionFailedException.class,
        () -> storage.copy(empty, storage, target, WriteCondition.mustBeAbsent()));
    assertEquals("kept", read(storage, target));
    ObjectInfo copied =
        storage.copy(empty, storage, ObjectKey.of("absent/new"), WriteCondition.mustBeAbsent());
    assertEquals(0, copied.size());
  }

  @Test
  void largeObjectsAreCopiedPartByPart() throws Exception {
    S3StorageBuilder builder = server.storage("partwise");
    builder.maxSingleCopy = 1; // forces UploadPartCopy
    try (S3Storage partwise = builder.build()) {
      ObjectKey source = ObjectKey.of("big/src.jar");
      partwise.write(source, ContentSource.ofUtf8("more than one byte"), WriteCondition.none());
      ObjectInfo copied =
          partwise.copy(
              source, partwise, ObjectKey.of("big/dst.jar"), WriteCondition.mustBeAbsent());
      assertEquals(18, copied.size());
      assertEquals("more than one byte", read(partwise, ObjectKey.of("big/dst.jar")));
    }
  }

  @Test
  void copyingToAnotherKindOfStorageIsNotServerSide() throws IOException {
    try (FileSystemStorage fs = FileSystemStorage.open(dir.resolve("fs"))) {
      assertFalse(storage.canCopyTo(fs));
      assertThrows(
          IllegalArgumentException.class,
          () -> storage.copy(ObjectKey.of("x"), fs, ObjectKey.of("x"), WriteCondition.none()));
    }
  }
}
