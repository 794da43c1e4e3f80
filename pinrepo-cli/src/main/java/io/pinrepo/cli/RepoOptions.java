package io.pinrepo.cli;

import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.s3.NoSuchBucketException;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
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

  @Mixin StorageFlags flags;

  /** Opens the storage for writing, creating a missing directory; the caller closes it. */
  public Storage openStorage() throws IOException {
    Storage storage = flags.open(repo);
    // Progress only for a person watching a terminal; scripts and CI logs get none.
    return System.console() == null
        ? storage
        : UploadProgress.around(storage, new PrintWriter(System.err, true));
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
    if (repo instanceof RepoLocation.S3 bucket) {
      return flags.s3Storage(bucket).build();
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

  /** The repository as the user wrote it. */
  public String describe() {
    return repo.text();
  }
}
