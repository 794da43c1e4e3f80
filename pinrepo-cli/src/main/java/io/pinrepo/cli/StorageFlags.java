package io.pinrepo.cli;

import io.pinrepo.fs.FileSystemStorage;
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
      names = "--s3-checksums",
      paramLabel = "MODE",
      description =
          "when-supported (default) or when-required (servers that reject the SDK's checksums).")
  String s3Checksums = "when-supported";

  /** Opens {@code location} (DIR, file:DIR or s3://BUCKET[/PREFIX]); the caller closes it. */
  Storage open(String location) throws IOException {
    RepoOptions options = new RepoOptions();
    options.repo = location;
    options.s3Endpoint = s3Endpoint;
    options.s3Region = s3Region;
    options.s3PathStyle = s3PathStyle;
    options.s3Checksums = s3Checksums;
    return openBackend(options);
  }

  /**
   * The storage {@code options} name, as {@link RepoOptions#openStorage()} opens it but without the
   * upload progress decorator: serving only reads, and needs the backend's own powers.
   */
  static Storage openBackend(RepoOptions options) throws IOException {
    return options.repo.startsWith("s3://")
        ? options.s3Storage().build()
        : FileSystemStorage.open(options.localPath());
  }
}
