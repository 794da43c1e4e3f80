package io.pinrepo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.s3.S3Storage;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.WriteCondition;
import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.options.CreateContainerOptions;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --repo s3://...} against s3proxy in this JVM, with credentials from the AWS default chain
 * (here its system-property link: {@code aws.accessKeyId}, {@code aws.secretAccessKey}).
 */
class S3RepoOptionsTest {

  @TempDir static Path dir;
  static S3Proxy proxy;
  static String endpoint;

  @BeforeAll
  static void start() throws Exception {
    BlobStore store = new FilesystemNio2BlobStore(dir.toString());
    store.createContainer("cli-bucket", CreateContainerOptions.NONE);
    proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "cli-access", "cli-secret")
            .build();
    proxy.start();
    endpoint = "http://127.0.0.1:" + proxy.getPort();
    System.setProperty("aws.accessKeyId", "cli-access");
    System.setProperty("aws.secretAccessKey", "cli-secret");
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    proxy.stop();
  }

  private static RepoOptions parse(String... args) {
    RepoOptions options = new RepoOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void anS3RepoOpensTheBucketAndPrefixAtTheEndpoint() throws Exception {
    RepoOptions options =
        parse(
            "--repo",
            "s3://cli-bucket/team/apt",
            "--s3-endpoint",
            endpoint,
            "--s3-path-style",
            "--s3-checksums",
            "when-required");
    try (Storage storage = options.openStorage()) {
      assertTrue(storage instanceof S3Storage);
      storage.write(
          ObjectKey.of("hello"), ContentSource.ofUtf8("hi"), WriteCondition.mustBeAbsent());
    }
    try (Storage again =
        parse("--repo", "s3://cli-bucket", "--s3-endpoint", endpoint, "--s3-path-style")
            .openStorage()) {
      assertTrue(again.stat(ObjectKey.of("team/apt/hello")).isPresent());
    }
  }

  @Test
  void verifyReachesTheBucketAndReportsAnEmptyRepository() {
    CliRun run =
        CliRun.of(
            "verify",
            "--repo",
            "s3://cli-bucket/empty",
            "--s3-endpoint",
            endpoint,
            "--s3-region",
            "us-east-1",
            "--s3-path-style");
    assertEquals(1, run.status(), run.err());
    assertEquals("pinrepo: no repository found at s3://cli-bucket/empty\n", run.err());
  }

  @Test
  void anUnknownChecksumModeIsOneLine() {
    CliRun run =
        CliRun.of(
            "verify",
            "--repo",
            "s3://cli-bucket",
            "--s3-endpoint",
            endpoint,
            "--s3-checksums",
            "always");
    assertEquals(1, run.status());
    assertTrue(run.err().contains("--s3-checksums always"), run.err());
    assertFalse(run.hasStackTrace(), run.err());
  }
}
