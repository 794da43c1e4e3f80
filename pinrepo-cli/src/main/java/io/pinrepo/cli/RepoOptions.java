package io.pinrepo.cli;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.s3.ChecksumMode;
import io.pinrepo.s3.S3Location;
import io.pinrepo.s3.S3Storage;
import io.pinrepo.s3.S3StorageBuilder;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the repository is: {@code --repo DIR}, {@code --repo file:DIR} or {@code --repo
 * s3://BUCKET[/PREFIX]}. Mixed into every command that touches a repository.
 */
public final class RepoOptions {

  @Option(
      names = "--repo",
      required = true,
      paramLabel = "REPO",
      description = "The repository: DIR, file:DIR or s3://BUCKET[/PREFIX].")
  String repo;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      description = "S3-compatible server, e.g. http://localhost:9000 (default: Amazon S3).")
  URI s3Endpoint;

  @Option(
      names = "--s3-region",
      paramLabel = "R",
      description = "S3 region (default: the AWS chain, else us-east-1).")
  String s3Region;

  @Option(
      names = "--s3-path-style",
      description = "Address the bucket in the URL path (MinIO, Ceph RGW).")
  boolean s3PathStyle;

  @Option(
      names = "--s3-checksums",
      paramLabel = "MODE",
      description =
          "when-supported (default) or when-required (servers that reject the SDK's checksums).")
  String s3Checksums = "when-supported";

  /** Opens the storage the option names; the caller closes it. */
  public Storage openStorage() throws IOException {
    if (repo.startsWith("s3://")) {
      return s3Storage().build();
    }
    return FileSystemStorage.open(localPath());
  }

  /** The S3 storage's settings; credentials come from the AWS default chain. */
  S3StorageBuilder s3Storage() {
    S3StorageBuilder builder =
        S3Storage.builder(S3Location.parse(repo))
            .pathStyle(s3PathStyle)
            .checksumMode(
                switch (s3Checksums) {
                  case "when-required" -> ChecksumMode.WHEN_REQUIRED;
                  case "when-supported" -> ChecksumMode.WHEN_SUPPORTED;
                  default ->
                      throw new IllegalArgumentException(
                          "--s3-checksums "
                              + s3Checksums
                              + ": expected when-required or when-supported");
                });
    if (s3Endpoint != null) {
      builder.endpoint(s3Endpoint);
    }
    if (s3Region != null) {
      builder.region(s3Region);
    }
    return builder;
  }

  /** The repository as a local directory, for the filesystem case. */
  Path localPath() {
    String path =
        repo.startsWith("file://")
            ? repo.substring("file://".length())
            : repo.startsWith("file:") ? repo.substring("file:".length()) : repo;
    if (path.isEmpty()) {
      throw new IllegalArgumentException("--repo: empty path");
    }
    return Path.of(path);
  }

  /** The repository as the user wrote it. */
  public String describe() {
    return repo;
  }
}
