package io.pinrepo.cli;

import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * The S3 connection settings of commands that name several storages ({@code --origin}, {@code
 * --region NAME=REPO}) rather than one {@code --repo}: the same flags as {@link RepoOptions}, for
 * every S3 location of the command. Opens storages without the terminal's upload progress, which
 * would hide a backend's presigned URLs and server-side copy.
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
    RepoOptions options = new RepoOptions();
    options.repo = RepoLocation.parse(location);
    options.s3Endpoint = s3Endpoint;
    options.s3Region = s3Region;
    options.s3PathStyle = s3PathStyle;
    options.s3NoDirectoryKeys = s3NoDirectoryKeys;
    options.s3Checksums = s3Checksums;
    return options.openBackend();
  }
}
