package io.pinrepo.s3;

import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.contract.StorageContract;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The storage contract against MinIO in Docker, with the SDK's default checksums; every case is
 * skipped, with a message, when no Docker engine is reachable.
 */
@ExtendWith({S3StorageLocalStackContractIT.RequiresDocker.class})
class S3StorageMinioContractIT extends StorageContract {

  private static final String USER = "pinrepo";
  private static final String PASSWORD = "pinrepo-secret";
  static GenericContainer<?> minio;
  static final AtomicInteger prefixes = new AtomicInteger();

  private static synchronized URI endpoint() {
    if (minio == null) {
      minio =
          new GenericContainer<>("minio/minio:RELEASE.2025-04-22T22-12-26Z")
              .withCommand("server", "/data")
              .withEnv("MINIO_ROOT_USER", USER)
              .withEnv("MINIO_ROOT_PASSWORD", PASSWORD)
              .withExposedPorts(9000)
              .waitingFor(
                  Wait.forHttp("/minio/health/ready")
                      .forPort(9000)
                      .withStartupTimeout(Duration.ofMinutes(2)));
      minio.start();
      try (S3Client client =
          S3Client.builder()
              .endpointOverride(uri())
              .region(Region.US_EAST_1)
              .forcePathStyle(true)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create(USER, PASSWORD)))
              .build()) {
        client.createBucket(b -> b.bucket("pinrepo-it"));
      }
    }
    return uri();
  }

  private static URI uri() {
    return URI.create("http://" + minio.getHost() + ":" + minio.getMappedPort(9000));
  }

  @AfterAll
  static synchronized void stop() {
    if (minio != null) {
      minio.stop();
      minio = null;
    }
  }

  @Override
  protected Storage newStorage() {
    return S3Storage.builder(new S3Location("pinrepo-it", "contract-" + prefixes.incrementAndGet()))
        .endpoint(endpoint())
        .region("us-east-1")
        .pathStyle(true)
        .credentials(USER, PASSWORD)
        .listPageSize(10)
        .directoryKeys(false) // MinIO keeps only empty directory objects
        .build();
  }
}
