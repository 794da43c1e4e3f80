package io.pinrepo.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 cases s3proxy cannot show, against LocalStack in Docker: DeleteObject with If-Match, and
 * conditional writes under the server's own checks rather than our serialising wrapper. Skipped,
 * with a message, when no Docker engine is reachable.
 */
class S3StorageLocalStackIT {

  static LocalStackContainer localstack;

  @BeforeAll
  static synchronized void start() {
    if (localstack != null || !DockerClientFactory.instance().isDockerAvailable()) {
      return; // started already, or each test reports the skip with its reason
    }
    localstack =
        new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.7"))
            .withServices(LocalStackContainer.Service.S3);
    localstack.start();
    try (S3Client client =
        S3Client.builder()
            .endpointOverride(localstack.getEndpointOverride(LocalStackContainer.Service.S3))
            .region(Region.of(localstack.getRegion()))
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        localstack.getAccessKey(), localstack.getSecretKey())))
            .build()) {
      client.createBucket(b -> b.bucket("pinrepo-it"));
    }
  }

  @BeforeEach
  void requireDocker() {
    assumeTrue(
        localstack != null,
        "no Docker engine: the LocalStack S3 tests are skipped (the s3proxy tests ran instead)");
  }

  @AfterAll
  static synchronized void stop() {
    if (localstack != null) {
      localstack.stop();
      localstack = null;
    }
  }

  static S3StorageBuilder builder(String prefix) {
    return S3Storage.builder(new S3Location("pinrepo-it", prefix))
        .endpoint(localstack.getEndpointOverride(LocalStackContainer.Service.S3))
        .region(localstack.getRegion())
        .pathStyle(true)
        .credentials(localstack.getAccessKey(), localstack.getSecretKey());
  }

  private static String read(S3Storage s, ObjectKey key) throws IOException {
    try (ObjectStream in = s.read(key)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  @ParameterizedTest
  @EnumSource(ChecksumMode.class)
  void conditionalWritesAreCheckedByTheServer(ChecksumMode mode) throws IOException {
    try (S3Storage s = builder("cond-" + mode).checksumMode(mode).build()) {
      ObjectKey key = ObjectKey.of("dists/stable/InRelease");
      ObjectInfo v1 = s.write(key, ContentSource.ofUtf8("v1"), WriteCondition.mustBeAbsent());
      assertThrows(
          PreconditionFailedException.class,
          () -> s.write(key, ContentSource.ofUtf8("x"), WriteCondition.mustBeAbsent()));
      s.write(key, ContentSource.ofUtf8("v2"), WriteCondition.matches(v1.versionToken()));
      assertThrows(
          PreconditionFailedException.class,
          () -> s.write(key, ContentSource.ofUtf8("x"), WriteCondition.matches(v1.versionToken())));
      assertEquals("v2", read(s, key));
    }
  }

  @Test
  void multipartCompletionHonoursTheCondition() throws IOException {
    try (S3Storage s = builder("mpu").partSize(5 << 20).build()) {
      byte[] data = new byte[11 << 20];
      new Random(7).nextBytes(data);
      ObjectKey key = ObjectKey.of("pool/big.deb");
      s.write(key, ContentSource.ofBytes(data), WriteCondition.mustBeAbsent());
      assertThrows(
          PreconditionFailedException.class,
          () -> s.write(key, ContentSource.ofBytes(data), WriteCondition.mustBeAbsent()));
      try (ObjectStream in = s.read(key)) {
        assertArrayEquals(data, in.readAllBytes());
      }
    }
  }

  @Test
  void conditionalDeleteRemovesOnlyTheVersionRead() throws IOException {
    try (S3Storage s = builder("delete").build()) {
      ObjectKey key = ObjectKey.of("simple/demo/index.html");
      ObjectInfo v1 = s.write(key, ContentSource.ofUtf8("v1"), WriteCondition.none());
      s.write(key, ContentSource.ofUtf8("v2"), WriteCondition.none());
      assertThrows(
          PreconditionFailedException.class,
          () -> s.delete(key, WriteCondition.matches(v1.versionToken())));
      ObjectInfo v2 = s.stat(key).orElseThrow();
      s.delete(key, WriteCondition.matches(v2.versionToken()));
      assertTrue(s.stat(key).isEmpty());
    }
  }
}
