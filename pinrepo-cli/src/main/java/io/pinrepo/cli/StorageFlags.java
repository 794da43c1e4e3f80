package io.pinrepo.cli;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.s3.ChecksumMode;
import io.pinrepo.s3.S3Storage;
import io.pinrepo.s3.S3StorageBuilder;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * The S3 connection settings ({@code --s3-endpoint}, {@code --s3-region}, ...), mixed into {@link
 * RepoOptions} for {@code --repo} and directly into commands that name several storages ({@code
 * --origin}, {@code --region NAME=REPO}, {@code --from}/{@code --to}), where they apply to every S3
 * location of the command. Opens storages without the terminal's upload progress, which would hide
 * a backend's presigned URLs and server-side copy.
 */
final class StorageFlags {

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
      names = "--s3-no-directory-keys",
      description = {
        "The server cannot hold keys ending in '/' (MinIO): PyPI pages are written only as",
        "index.html, so serve them through a host that maps DIR/ to DIR/index.html."
      })
  boolean s3NoDirectoryKeys;

  @Option(
      names = "--s3-checksums",
      paramLabel = "MODE",
      description =
          "when-supported (default) or when-required (servers that reject the SDK's checksums).")
  String s3Checksums = "when-supported";

  /** Opens {@code location} (DIR, file:DIR or s3://BUCKET[/PREFIX]); the caller closes it. */
  Storage open(String location) throws IOException {
    return open(RepoLocation.parse(location));
  }

  /** Opens {@code location}, creating a missing directory; the caller closes it. */
  Storage open(RepoLocation location) throws IOException {
    return location instanceof RepoLocation.S3 s3
        ? s3Storage(s3).build()
        : FileSystemStorage.open(((RepoLocation.Local) location).directory());
  }

  /** The S3 storage's settings; credentials come from the AWS default chain. */
  S3StorageBuilder s3Storage(RepoLocation.S3 s3) {
    S3StorageBuilder builder =
        S3Storage.builder(s3.location())
            .pathStyle(s3PathStyle)
            .directoryKeys(!s3NoDirectoryKeys)
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
}
