package io.pinrepo.cli;

import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.s3.ChecksumMode;
import io.pinrepo.s3.NoSuchBucketException;
import io.pinrepo.s3.S3Storage;
import io.pinrepo.s3.S3StorageBuilder;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the repository is: {@code --repo DIR}, {@code --repo file:DIR} or {@code --repo
 * s3://BUCKET[/PREFIX]}. Mixed into every command that touches a repository. Commands that write
 * open it with {@link #openStorage()}, which creates a missing directory; commands that only read
 * open it with {@link #openExisting()}, which creates nothing and refuses a place that holds no
 * repository.
 */
public final class RepoOptions {

  @Option(
      names = "--repo",
      required = true,
      paramLabel = "REPO",
      converter = RepoLocation.Converter.class,
      description = "The repository: DIR, file:DIR or s3://BUCKET[/PREFIX].")
  RepoLocation repo;

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

  /** Opens the storage for writing, creating a missing directory; the caller closes it. */
  public Storage openStorage() throws IOException {
    Storage storage = openBackend();
    // Progress only for a person watching a terminal; scripts and CI logs get none.
    return System.console() == null
        ? storage
        : new UploadProgress(storage, new PrintWriter(System.err, true));
  }

  /**
   * Opens the storage as {@link #openStorage()} does (creating a missing directory) but without the
   * terminal's upload progress, which would hide the backend's own powers (presigned URLs,
   * server-side copy); the caller closes it.
   */
  Storage openBackend() throws IOException {
    return repo instanceof RepoLocation.S3 s3
        ? s3Storage(s3).build()
        : FileSystemStorage.open(((RepoLocation.Local) repo).directory());
  }

  /**
   * Opens the storage for reading; the caller closes it. Creates nothing: not the directory, not
   * pinrepo's own files in it.
   *
   * @throws NoRepositoryException when there is no such directory or bucket, or no installed format
   *     finds a repository in it
   */
  public Storage openExisting() throws IOException {
    Storage storage = openWithoutCreating();
    try {
      requireRepository(storage);
      return storage;
    } catch (IOException | RuntimeException e) {
      try {
        storage.close();
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /**
   * Opens the storage for reading whatever it holds, such as access counts of a mirror region that
   * no format recognises; the caller closes it. Creates nothing.
   *
   * @throws NoRepositoryException when there is no such directory
   */
  Storage openWithoutCreating() throws IOException {
    if (repo instanceof RepoLocation.S3 s3) {
      return s3Storage(s3).build();
    }
    Path dir = ((RepoLocation.Local) repo).directory();
    if (!Files.isDirectory(dir)) {
      throw new NoRepositoryException(
          describe(), Files.exists(dir) ? "not a directory" : "no such directory");
    }
    return FileSystemStorage.openExisting(dir);
  }

  private void requireRepository(Storage storage) throws IOException {
    try {
      for (RepositoryFormat format : RepositoryFormats.installed()) {
        if (format.isPresent(storage)) {
          return;
        }
      }
    } catch (NoSuchBucketException e) {
      throw new NoRepositoryException(describe(), "no bucket " + e.bucket());
    }
    throw new NoRepositoryException(describe(), "nothing published there");
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

  /** The repository as the user wrote it. */
  public String describe() {
    return repo.text();
  }
}
